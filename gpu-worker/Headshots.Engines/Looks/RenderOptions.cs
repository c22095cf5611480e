using System.ComponentModel.DataAnnotations;

namespace Headshots.Engines.Looks;

/// <summary>How a selected headshot is rendered for delivery (<c>Render:*</c>, read by the GPU worker).</summary>
public sealed class RenderOptions
{
    public const string Section = "Render";

    /// <summary>Rendered again from the full-resolution photo at the resolution its crop really has.</summary>
    public const string Native = "native";

    /// <summary>The 1024 px candidate retouched and enlarged four times by ESRGAN (the path before native rendering).</summary>
    public const string Legacy = "legacy";

    [RegularExpression("^(native|legacy)$", ErrorMessage = "Render:Path must be 'native' or 'legacy'.")]
    public string Path { get; set; } = Native;

    /// <summary>
    /// The largest enlargement (on the long edge) made by a plain Lanczos resize. A crop that falls short of the
    /// delivered size by more is rendered at a quarter of it and enlarged four times by ESRGAN, as before; at or
    /// below it, ESRGAN would need an input smaller than the crop, throwing real pixels away to invent others.
    /// </summary>
    [Range(1.0, 4.0, ErrorMessage = "Render:LanczosUpTo must be between 1 and 4.")]
    public double LanczosUpTo { get; set; } = 3.0;

    /// <summary>
    /// The photo is read for a delivery render at most this large on its long edge (about 27 MP at 4:3): a head and
    /// shoulders crop of it holds the delivered 16 MP, and a 48 MP or larger upload is not held whole at full size.
    /// </summary>
    [Range(2048, 12_000, ErrorMessage = "Render:PhotoLongEdge must be between 2048 and 12000.")]
    public int PhotoLongEdge { get; set; } = 6000;

    public bool IsNative => Path == Native;
}
