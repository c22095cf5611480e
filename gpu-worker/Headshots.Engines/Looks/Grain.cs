using System.Runtime.Intrinsics;
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
        Parallel.For(0, height, () => new GrainRow(width), (y, _, row) =>
        {
            backdrop(y, row.Rgb);
            row.Fill(y, s, sigma);
            var o = y * width * 3;
            var (rgb, luma, chroma) = (row.Rgb, row.Luma, row.Chroma);
            for (var x = 0; x < width; x++)
            {
                var i = x * 3;
                for (var c = 0; c < 3; c++)
                {
                    bytes[o + i + c] = (byte)Math.Clamp(MathF.Round(rgb[i + c] + luma[x] + chroma[c][x]), 0, 255);
                }
            }

            return row;
        }, _ => { });
        return new RgbImage(width, height, bytes);
    }

    static int Luma(byte[] p, int i) => ((77 * p[3 * i]) + (150 * p[(3 * i) + 1]) + (29 * p[(3 * i) + 2])) >> 8;

    /// <summary>One row's backdrop and grain, reused by a thread from row to row.</summary>
    internal sealed class GrainRow(int width)
    {
        static readonly Vector256<uint> Lanes = Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);

        public float[] Rgb { get; } = new float[width * 3];

        /// <summary>Per pixel: sigma · <see cref="Noise.Triangle"/>.</summary>
        public float[] Luma { get; } = new float[width];

        /// <summary>Per channel and pixel: 0.3 · sigma · <see cref="Noise.Flat"/> with the channel's seed.</summary>
        public float[][] Chroma { get; } = [new float[width], new float[width], new float[width]];

        /// <summary>
        /// The grain of row <paramref name="y"/>: the same hashes and float operations as <see cref="Noise"/>, eight
        /// pixels at a time (five hashes a pixel are most of a backdrop's cost), so the values are the same bits.
        /// </summary>
        public void Fill(int y, uint seed, float sigma)
        {
            var chromaSigma = 0.3f * sigma;
            var x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // Noise.Uniform's hash input is the column's part xor the row's and seed's, constant along a row.
                Vector256<uint> RowKey(uint s) => Vector256.Create(Noise.RowKey((uint)y, s));
                var (k0, k1) = (RowKey(seed), RowKey(seed + 1));
                Vector256<uint>[] chromaKeys = [RowKey(seed + 16), RowKey(seed + 20), RowKey(seed + 24)];
                for (; x <= Luma.Length - 8; x += 8)
                {
                    var column = (Vector256.Create((uint)x) + Lanes) * Noise.ColumnFactor;
                    var triangle = (Unit(column ^ k0) + Unit(column ^ k1) - Vector256.Create(1f)) * 2.4494897f;
                    (sigma * triangle).CopyTo(Luma, x);
                    for (var c = 0; c < 3; c++)
                    {
                        (chromaSigma * ((Unit(column ^ chromaKeys[c]) - Vector256.Create(0.5f)) * 3.4641016f)).CopyTo(Chroma[c], x);
                    }
                }
            }

            for (; x < Luma.Length; x++)
            {
                Luma[x] = sigma * Noise.Triangle((uint)x, (uint)y, seed);
                for (var c = 0; c < 3; c++)
                {
                    Chroma[c][x] = chromaSigma * Noise.Flat((uint)x, (uint)y, seed + 16 + (uint)(4 * c));
                }
            }
        }

        static Vector256<float> Unit(Vector256<uint> hashInput) => IntegerHash.Unit(IntegerHash.Mix(hashInput));
    }
}
