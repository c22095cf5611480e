namespace Headshots.Engines;

/// <summary>A photo that cannot be used, with a reason and a tip the person can act on.</summary>
public sealed class PhotoRejectedException(string code, string reason, string tip)
    : Exception($"{code}: {reason}")
{
    /// <summary>Stable machine code, e.g. "unsupported_format", "corrupt", "too_large", "too_many_pixels", "too_small".</summary>
    public string Code { get; } = code;
    public string Reason { get; } = reason;
    public string Tip { get; } = tip;
}
