namespace Headshots.Jobs.Protocol;

/// <summary>The upscale job's parameters and outputs, as the orchestrations write them and the worker reads them.</summary>
public static class UpscaleJob
{
    /// <summary>Parameter: the aspect ratio's name ("4:5"); required.</summary>
    public const string AspectParameter = "aspect";

    /// <summary>Parameter: "true" to deliver the 16 MP image and its web copy as WebP too; absent or "false" for JPEG only.</summary>
    public const string WebPParameter = "webp";

    public static string Flag(bool value) => value ? "true" : "false";
}

/// <summary>
/// What an upscale job delivers, in the order of its result's outputs: the 16 MP JPEG, the web JPEG and the
/// thumbnail, then, when WebP was asked for, the 16 MP WebP and the web WebP.
/// </summary>
public sealed record UpscaleOutputs(string Full, string Web, string Thumbnail, string? FullWebP = null, string? WebWebP = null)
{
    public IReadOnlyList<string> ToList() => FullWebP is not null && WebWebP is not null
        ? [Full, Web, Thumbnail, FullWebP, WebWebP]
        : [Full, Web, Thumbnail];
}
