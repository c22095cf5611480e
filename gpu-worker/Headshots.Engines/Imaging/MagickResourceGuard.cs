using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Process-wide ImageMagick ceilings, a second line behind the per-upload checks. Limits are only ever lowered,
/// so a host that set stricter ones keeps them.
/// </summary>
internal static class MagickResourceGuard
{
    /// <summary>Larger than every camera and every image this project writes (the 16 MP deliverables are 4618 px at most).</summary>
    public const uint MaxSide = 32_768;

    /// <summary>
    /// ImageMagick's "time" limit is a lifetime per image, checked on pixel access: a decode the caller gave up on
    /// (it cannot be interrupted) still stops by itself instead of burning a core forever. Every operation here
    /// takes seconds, so two minutes only ever catches a runaway.
    /// </summary>
    public const ulong MaxSecondsPerImage = 120;

    static readonly Lazy<bool> Applied = new(() =>
    {
        ResourceLimits.Width = Math.Min(ResourceLimits.Width, MaxSide);
        ResourceLimits.Height = Math.Min(ResourceLimits.Height, MaxSide);
        ResourceLimits.Time = Math.Min(ResourceLimits.Time, MaxSecondsPerImage);
        return true;
    });

    public static void EnsureApplied() => _ = Applied.Value;
}
