using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Sharpness (variance of the Laplacian) and exposure, on a fixed-size luma copy so figures compare across photos.</summary>
public sealed class MagickQualityMeter : IQualityMeter
{
    const uint MeasureEdge = 512;

    public PhotoMeasurements Measure(byte[] encoded)
    {
        using var image = new MagickImage(encoded);
        return Measure(image);
    }

    internal static PhotoMeasurements Measure(MagickImage source)
    {
        using var image = (MagickImage)source.Clone();
        image.FilterType = FilterType.Triangle;
        image.Resize(new MagickGeometry(MeasureEdge, MeasureEdge));
        var w = (int)image.Width;
        var h = (int)image.Height;
        using var pixels = image.GetPixels();
        var rgb = pixels.ToByteArray(PixelMapping.RGB) ?? throw new InvalidOperationException("The image has no pixels.");
        var luma = new double[w * h];
        long clipped = 0, crushed = 0;
        double sum = 0;
        for (var i = 0; i < luma.Length; i++)
        {
            var y = 0.2126 * rgb[3 * i] + 0.7152 * rgb[3 * i + 1] + 0.0722 * rgb[3 * i + 2];
            luma[i] = y;
            sum += y;
            if (y >= 250) clipped++;
            if (y <= 5) crushed++;
        }
        double lapSum = 0, lapSq = 0;
        var n = 0;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = y * w + x;
                var lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                lapSum += lap;
                lapSq += lap * lap;
                n++;
            }
        }
        var mean = n > 0 ? lapSum / n : 0;
        var variance = n > 0 ? lapSq / n - mean * mean : 0;
        return new PhotoMeasurements(variance, clipped / (double)luma.Length, crushed / (double)luma.Length, sum / luma.Length);
    }
}
