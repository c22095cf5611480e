using Headshots.Engines.Imaging;

namespace Headshots.Engines.Segmentation;

/// <summary>
/// Brings a coarse mask up to full resolution along the image's own edges (He &amp; Sun's fast guided filter):
/// the filter's linear coefficients are solved on a working-size copy, then stretched smoothly and applied to
/// the full-resolution luma, so hair strands and soft edges follow the photo instead of a blurry upscale.
/// </summary>
public static class GuidedUpsampler
{
    /// <param name="coarse">Mask values 0–1, <paramref name="coarseWidth"/> × <paramref name="coarseHeight"/>.</param>
    /// <param name="workingEdge">Long edge of the copy the coefficients are solved on.</param>
    public static PersonMask Upsample(RgbImage image, float[] coarse, int coarseWidth, int coarseHeight, int workingEdge = 768, float epsilon = 1e-3f)
    {
        var scale = Math.Min(1f, (float)workingEdge / Math.Max(image.Width, image.Height));
        var w = Math.Max(1, (int)MathF.Round(image.Width * scale));
        var h = Math.Max(1, (int)MathF.Round(image.Height * scale));
        // The managed triangle filter, in parallel: ImageMagick's single-threaded one took a tenth of a delivery render.
        var guide = Luma(w == image.Width && h == image.Height ? image : LanczosResampler.ReduceWithTriangle(image, w, h));
        var p = Bilinear(coarse, coarseWidth, coarseHeight, w, h);

        // A radius of about 1/64 of the image: wide enough to bridge the coarse mask's blockiness.
        var radius = Math.Max(2, Math.Max(w, h) / 64);
        var meanI = BoxBlur.Mean(guide, w, h, radius);
        var meanP = BoxBlur.Mean(p, w, h, radius);
        var ip = new float[w * h];
        var ii = new float[w * h];
        for (var i = 0; i < ip.Length; i++)
        {
            ip[i] = guide[i] * p[i];
            ii[i] = guide[i] * guide[i];
        }

        var corrIp = BoxBlur.Mean(ip, w, h, radius);
        var corrIi = BoxBlur.Mean(ii, w, h, radius);
        var a = new float[w * h];
        var b = new float[w * h];
        for (var i = 0; i < a.Length; i++)
        {
            var variance = corrIi[i] - (meanI[i] * meanI[i]);
            var covariance = corrIp[i] - (meanI[i] * meanP[i]);
            a[i] = covariance / (variance + epsilon);
            b[i] = meanP[i] - (a[i] * meanI[i]);
        }

        var meanA = BoxBlur.Mean(a, w, h, radius);
        var meanB = BoxBlur.Mean(b, w, h, radius);
        return Apply(image, meanA, meanB, w, h);
    }

    /// <summary>q = A·I + B at full resolution, with A and B stretched bilinearly row by row (no full-size float planes).</summary>
    private static PersonMask Apply(RgbImage image, float[] a, float[] b, int w, int h)
    {
        int fw = image.Width, fh = image.Height;
        var alpha = new byte[fw * fh];
        var pixels = image.Pixels;
        var columns = Taps.For(w, fw);
        var rows = Taps.For(h, fh);
        Parallel.For(0, fh, y =>
        {
            var row = rows[y];
            for (var x = 0; x < fw; x++)
            {
                var av = row.Sample(a, w, columns[x]);
                var bv = row.Sample(b, w, columns[x]);
                var o = ((y * fw) + x) * 3;
                var luma = Imaging.Luma.Of(pixels[o], pixels[o + 1], pixels[o + 2]) / 255f;
                alpha[(y * fw) + x] = (byte)Math.Clamp(MathF.Round(((av * luma) + bv) * 255f), 0, 255);
            }
        });
        return new PersonMask(fw, fh, alpha);
    }

    internal static float[] Bilinear(float[] source, int sw, int sh, int w, int h)
    {
        var result = new float[w * h];
        var columns = Taps.For(sw, w);
        var rows = Taps.For(sh, h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                result[(y * w) + x] = rows[y].Sample(source, sw, columns[x]);
            }
        }

        return result;
    }

    /// <summary>
    /// The same bilinear stretch of <paramref name="channels"/> interleaved planes, straight into an interleaved
    /// result with rows in parallel (a whole-frame backdrop is millions of pixels; no plane per channel).
    /// </summary>
    internal static float[] Bilinear(float[] source, int sw, int sh, int channels, int w, int h)
    {
        var result = new float[w * h * channels];
        var paint = BilinearRows(source, sw, sh, channels, w, h);
        Parallel.For(0, h, y => paint(y, result.AsSpan(y * w * channels, w * channels)));
        return result;
    }

    /// <summary>The same stretch a row at a time, for a caller that consumes each row as it is made.</summary>
    internal static Imaging.RowPainter BilinearRows(float[] source, int sw, int sh, int channels, int w, int h)
    {
        var columns = Taps.For(sw, w);
        var rows = Taps.For(sh, h);
        return (y, result) =>
        {
            var row = rows[y];
            var (low, high) = (row.Low * sw, row.High * sw);
            var o = 0;
            for (var x = 0; x < w; x++)
            {
                var column = columns[x];
                for (var c = 0; c < channels; c++, o++)
                {
                    result[o] = Lerp(
                        Lerp(source[((low + column.Low) * channels) + c], source[((low + column.High) * channels) + c], column.T),
                        Lerp(source[((high + column.Low) * channels) + c], source[((high + column.High) * channels) + c], column.T),
                        row.T);
                }
            }
        };
    }

    private static float[] Luma(RgbImage image) => Imaging.Luma.Plane(image.Pixels, image.Width * image.Height, 255f);

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);

    /// <summary>The two source positions and the weight between them, for each output position along one axis.</summary>
    private readonly record struct Taps(int Low, int High, float T)
    {
        public static Taps[] For(int sourceSize, int outputSize)
        {
            var scale = (float)sourceSize / outputSize;
            var taps = new Taps[outputSize];
            for (var i = 0; i < outputSize; i++)
            {
                var position = Math.Clamp(((i + 0.5f) * scale) - 0.5f, 0, sourceSize - 1);
                var low = (int)position;
                taps[i] = new Taps(low, Math.Min(low + 1, sourceSize - 1), position - low);
            }

            return taps;
        }

        /// <summary>Bilinear value of a plane at (column, this row).</summary>
        public float Sample(float[] plane, int width, Taps column) => Lerp(
            Lerp(plane[(Low * width) + column.Low], plane[(Low * width) + column.High], column.T),
            Lerp(plane[(High * width) + column.Low], plane[(High * width) + column.High], column.T),
            T);
    }
}
