using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Looks;

/// <summary>
/// Sensor grain for rendered backdrops: a clean synthetic gradient behind a noisy photo reads as a cut-out, so
/// the backdrop gets about as much noise as the photo's own background has.
/// </summary>
public static class Grain
{
    /// <summary>Faint grain when the photo gives nothing to measure; the cap keeps a very noisy photo's grain from being copied as mush.</summary>
    public const float Minimum = 0.8f, Maximum = 3.5f;

    /// <summary>
    /// Noise standard deviation in 8-bit levels: the median absolute Laplacian of the background (robust against the
    /// edges it also crosses), rescaled to a per-pixel sigma. Uses the whole image when there is little background.
    /// </summary>
    public static float Estimate(RgbImage image, PersonMask? mask)
    {
        var w = image.Width;
        var h = image.Height;
        var histogram = new int[1024];
        var counted = 0;
        var p = image.Pixels;
        for (var pass = 0; pass < 2 && counted < 500; pass++)
        {
            for (var y = 1; y < h - 1; y += 2)
            {
                for (var x = 1; x < w - 1; x += 2)
                {
                    if (pass == 0 && mask is not null && mask.Alpha[(y * w) + x] > 8)
                    {
                        continue;
                    }

                    var i = (y * w) + x;
                    var lap = (4 * Luma(p, i)) - Luma(p, i - 1) - Luma(p, i + 1) - Luma(p, i - w) - Luma(p, i + w);
                    histogram[Math.Min(1023, Math.Abs(lap))]++;
                    counted++;
                }
            }
        }

        var half = counted / 2;
        var median = 0;
        for (var running = 0; median < 1023 && running + histogram[median] <= half; median++)
        {
            running += histogram[median];
        }

        // |Laplacian| of Gaussian noise: sigma·√20, and the median of |N(0, s)| is 0.6745·s.
        var sigma = median / 0.6745f / 4.472f;
        return Math.Clamp(sigma, Minimum, Maximum);
    }

    /// <summary>
    /// Paints the backdrop a row at a time, adds mostly luminance grain with a little chroma, as a sensor does, and
    /// rounds to bytes.
    /// </summary>
    public static RgbImage Apply(RowPainter backdrop, int width, int height, float sigma, int seed)
    {
        ArgumentNullException.ThrowIfNull(backdrop);
        var bytes = GC.AllocateUninitializedArray<byte>(width * height * 3);
        var s = (uint)seed;
        Parallel.For(0, height, () => new float[width * 3], (y, _, rgb) =>
        {
            backdrop(y, rgb);
            var o = y * width * 3;
            for (var x = 0; x < width; x++)
            {
                var i = x * 3;
                var luma = sigma * Noise.Triangle((uint)x, (uint)y, s);
                for (var c = 0; c < 3; c++)
                {
                    var chroma = 0.3f * sigma * Noise.Flat((uint)x, (uint)y, s + 16 + (uint)(4 * c));
                    bytes[o + i + c] = (byte)Math.Clamp(MathF.Round(rgb[i + c] + luma + chroma), 0, 255);
                }
            }

            return rgb;
        }, _ => { });
        return new RgbImage(width, height, bytes);
    }

    static int Luma(byte[] p, int i) => ((77 * p[3 * i]) + (150 * p[(3 * i) + 1]) + (29 * p[(3 * i) + 2])) >> 8;
}
