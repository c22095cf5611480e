using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// The first local generate engine: frames a head-and-shoulders crop from the photo (faces in selfies sit in the
/// upper middle), at the look's aspect ratio, and grades it to the look. Variants change zoom and offset.
/// Landmark framing and background replacement take its place when the face models land.
/// </summary>
public sealed class ClassicalHeadshotComposer : IHeadshotComposer
{
    /// <summary>The most a candidate measures on its long edge; the upscaler renders the delivered size from it.</summary>
    public const int LongEdge = 1024;

    static readonly double[] Zooms = [1.0, 0.86, 0.74, 0.93, 0.80, 0.68];
    static readonly double[] Offsets = [0, -0.04, 0.04, 0.03, -0.03, 0];

    public ClassicalHeadshotComposer() => MagickResourceGuard.EnsureApplied();

    public Candidate Compose(byte[] sourceJpeg, LookPreset look, int variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceJpeg);
        ArgumentNullException.ThrowIfNull(look);
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        using var image = new MagickImage(sourceJpeg, MagickFormat.Jpeg);
        var (cropW, cropH, left, top) = Frame((int)image.Width, (int)image.Height, look.Aspect, variant);
        image.Crop(new MagickGeometry(left, top, (uint)cropW, (uint)cropH));
        image.ResetPage();
        var (outW, outH) = OutputSize(look.Aspect);
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)outW, (uint)outH) { IgnoreAspectRatio = true });
        cancellationToken.ThrowIfCancellationRequested();
        LookGrading.Apply(image, look);
        var measurements = MagickQualityMeter.Measure(image);
        return new Candidate(JpegEncoder.EncodeWorkFile(image, 92), outW, outH, measurements);
    }

    /// <summary>
    /// The crop rectangle: as wide as the aspect allows times the variant's zoom (variant 0 is the widest), centred a
    /// little above the middle. Past the table each round zooms in 3% further, down to a floor of half the width.
    /// </summary>
    internal static (int Width, int Height, int Left, int Top) Frame(int width, int height, AspectRatio aspect, int variant)
    {
        var ratio = aspect.Width / (double)aspect.Height;
        // The floor keeps far-out variants a head-and-shoulders crop rather than a close-up of an ear.
        var zoom = Math.Max(0.5, Zooms[variant % Zooms.Length] * Math.Pow(0.97, variant / Zooms.Length));
        var cropW = Math.Max(1, Math.Min(width, Math.Floor(height * ratio)) * zoom);
        var cropH = Math.Min(height, cropW / ratio);
        var cx = width * (0.5 + Offsets[variant % Offsets.Length]);
        var cy = height * 0.45;
        // Max(0, …): at full zoom the free space is zero, and rounding must not make it negative.
        var left = Math.Clamp(cx - cropW / 2, 0, Math.Max(0, width - cropW));
        var top = Math.Clamp(cy - cropH / 2, 0, Math.Max(0, height - cropH));
        return ((int)Math.Round(cropW), (int)Math.Round(cropH), (int)Math.Round(left), (int)Math.Round(top));
    }

    /// <summary>
    /// Exactly the aspect ratio, as large as fits in <see cref="LongEdge"/> (4:5 gives 816 × 1020): candidates are
    /// compared, stored and upscaled by their ratio, so it must hold to the pixel.
    /// </summary>
    public static (int Width, int Height) OutputSize(AspectRatio aspect)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        var unit = LongEdge / Math.Max(aspect.Width, aspect.Height);
        return (aspect.Width * unit, aspect.Height * unit);
    }
}
