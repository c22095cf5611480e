using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Sharpness (variance of the Laplacian) and exposure, computed here from the pixel bytes on a fixed 512 px copy,
/// so figures compare across photos of any size and do not depend on ImageMagick's statistics code.
/// </summary>
public sealed class MagickQualityMeter : IQualityMeter
{
    const uint MeasureEdge = 512;

    public MagickQualityMeter() => MagickResourceGuard.EnsureApplied();

    public PhotoMeasurements Measure(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var image = new MagickImage(encoded);
        return Measure(image);
    }

    internal static PhotoMeasurements Measure(MagickImage source)
    {
        using var image = (MagickImage)source.Clone();
        if (image.ColorSpace != ColorSpace.sRGB) image.ColorSpace = ColorSpace.sRGB;
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
        }
        image.FilterType = FilterType.Triangle;
        image.Resize(new MagickGeometry(MeasureEdge, MeasureEdge));
        var w = (int)image.Width;
        var h = (int)image.Height;
        using var pixels = image.GetPixels();
        var rgb = pixels.ToByteArray(PixelMapping.RGB) ?? throw new InvalidOperationException("The image has no pixels.");
        return FromRgb(rgb, w, h);
    }

    /// <summary>
    /// The same figures from decoded pixels, reduced to the measuring size by the managed triangle filter (in parallel,
    /// no copy of the image into ImageMagick): for a render measured where it is made. An image already within the
    /// measuring size goes through ImageMagick as <see cref="Measure(MagickImage)"/> does, which enlarges it.
    /// </summary>
    internal static PhotoMeasurements Measure(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var longEdge = Math.Max(image.Width, image.Height);
        if (longEdge <= MeasureEdge)
        {
            using var magick = image.ToMagick();
            return Measure(magick);
        }

        var small = image.FitWithin((int)MeasureEdge);
        return FromRgb(small.Pixels, small.Width, small.Height);
    }

    /// <param name="rgb">Packed 8-bit R, G, B rows.</param>
    internal static PhotoMeasurements FromRgb(ReadOnlySpan<byte> rgb, int w, int h)
    {
        var luma = new byte[w * h];
        long clipped = 0, crushed = 0, sum = 0;
        for (var i = 0; i < luma.Length; i++)
        {
            // Rounded to the 8-bit luma the thresholds are defined on.
            var y = (byte)Math.Round(Luma.Of((double)rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]));
            luma[i] = y;
            sum += y;
            if (y >= 250) clipped++;
            if (y <= 5) crushed++;
        }
        return new PhotoMeasurements(LaplacianVariance(luma, w, h), clipped / (double)luma.Length, crushed / (double)luma.Length, sum / (double)luma.Length);
    }

    /// <summary>Variance of the 4-neighbour 3×3 Laplacian over the interior pixels.</summary>
    static double LaplacianVariance(byte[] luma, int w, int h)
    {
        double total = 0, squares = 0;
        long n = 0;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = y * w + x;
                var lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                total += lap;
                squares += (double)lap * lap;
                n++;
            }
        }
        if (n == 0) return 0;
        var mean = total / n;
        return squares / n - mean * mean;
    }
}
