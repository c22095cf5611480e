using Headshots.Engines.Imaging;
using ImageMagick;

namespace Headshots.Engines.Tests.Support;

/// <summary>
/// Fine skin texture measured apart from the retouch's own measure (which uses a 3×3 box mean on Rec. 709 luma and
/// is what the retouch's grain is tuned against): ImageMagick's grey (Rec. 601 luma) minus its own Gaussian blur at
/// σ = 1 px, RMS over the mask eroded by 3 px. A retouch that only fooled its own measure would show here.
/// </summary>
internal static class IndependentTexture
{
    public static double HighPassRms(RgbImage image, byte[] mask)
    {
        using var grey = Rgb.ToMagick(image);
        grey.Grayscale(PixelIntensityMethod.Rec601Luma);
        using var blurred = (MagickImage)grey.Clone();
        blurred.GaussianBlur(0, 1.0);
        var sharp = Channel(grey);
        var soft = Channel(blurred);
        var inside = Eroded(mask, image.Width, image.Height, 3);
        double sum = 0;
        long count = 0;
        for (var i = 0; i < inside.Length; i++)
        {
            if (!inside[i]) continue;
            var d = sharp[i] - (double)soft[i];
            sum += d * d;
            count++;
        }
        return count == 0 ? 0 : Math.Sqrt(sum / count);
    }

    static byte[] Channel(MagickImage image)
    {
        using var pixels = image.GetPixels();
        return pixels.ToByteArray(PixelMapping.RGB)!.Where((_, i) => i % 3 == 0).ToArray();
    }

    static bool[] Eroded(byte[] mask, int width, int height, int radius)
    {
        var inside = new bool[mask.Length];
        for (var y = radius; y < height - radius; y++)
        {
            for (var x = radius; x < width - radius; x++)
            {
                var all = true;
                for (var dy = -radius; dy <= radius && all; dy++)
                {
                    for (var dx = -radius; dx <= radius && all; dx++)
                    {
                        all = mask[((y + dy) * width) + x + dx] >= 128;
                    }
                }
                inside[(y * width) + x] = all;
            }
        }
        return inside;
    }
}
