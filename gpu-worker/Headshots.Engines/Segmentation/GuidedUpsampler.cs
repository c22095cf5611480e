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
        var guide = Luma(w == image.Width && h == image.Height ? image : image.Resized(w, h));
        var p = Bilinear(coarse, coarseWidth, coarseHeight, w, h);

        // A radius of about 1/64 of the image: wide enough to bridge the coarse mask's blockiness.
        var radius = Math.Max(2, Math.Max(w, h) / 64);
        var meanI = BoxFilter.Mean(guide, w, h, radius);
        var meanP = BoxFilter.Mean(p, w, h, radius);
        var ip = new float[w * h];
        var ii = new float[w * h];
        for (var i = 0; i < ip.Length; i++)
        {
            ip[i] = guide[i] * p[i];
            ii[i] = guide[i] * guide[i];
        }

        var corrIp = BoxFilter.Mean(ip, w, h, radius);
        var corrIi = BoxFilter.Mean(ii, w, h, radius);
        var a = new float[w * h];
        var b = new float[w * h];
        for (var i = 0; i < a.Length; i++)
        {
            var variance = corrIi[i] - (meanI[i] * meanI[i]);
            var covariance = corrIp[i] - (meanI[i] * meanP[i]);
            a[i] = covariance / (variance + epsilon);
            b[i] = meanP[i] - (a[i] * meanI[i]);
        }

        var meanA = BoxFilter.Mean(a, w, h, radius);
        var meanB = BoxFilter.Mean(b, w, h, radius);
        return Apply(image, meanA, meanB, w, h);
    }

    /// <summary>q = A·I + B at full resolution, with A and B stretched bilinearly row by row (no full-size float planes).</summary>
    private static PersonMask Apply(RgbImage image, float[] a, float[] b, int w, int h)
    {
        int fw = image.Width, fh = image.Height;
        var alpha = new byte[fw * fh];
        var pixels = image.Pixels;
        var sx = (float)w / fw;
        var sy = (float)h / fh;
        Parallel.For(0, fh, y =>
        {
            var gy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0, h - 1);
            var y0 = (int)gy;
            var y1 = Math.Min(y0 + 1, h - 1);
            var ty = gy - y0;
            for (var x = 0; x < fw; x++)
            {
                var gx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0, w - 1);
                var x0 = (int)gx;
                var x1 = Math.Min(x0 + 1, w - 1);
                var tx = gx - x0;
                var av = Lerp(Lerp(a[(y0 * w) + x0], a[(y0 * w) + x1], tx), Lerp(a[(y1 * w) + x0], a[(y1 * w) + x1], tx), ty);
                var bv = Lerp(Lerp(b[(y0 * w) + x0], b[(y0 * w) + x1], tx), Lerp(b[(y1 * w) + x0], b[(y1 * w) + x1], tx), ty);
                var o = ((y * fw) + x) * 3;
                var luma = ((0.299f * pixels[o]) + (0.587f * pixels[o + 1]) + (0.114f * pixels[o + 2])) / 255f;
                alpha[(y * fw) + x] = (byte)Math.Clamp(MathF.Round(((av * luma) + bv) * 255f), 0, 255);
            }
        });
        return new PersonMask(fw, fh, alpha);
    }

    internal static float[] Bilinear(float[] source, int sw, int sh, int w, int h)
    {
        var result = new float[w * h];
        var sx = (float)sw / w;
        var sy = (float)sh / h;
        for (var y = 0; y < h; y++)
        {
            var gy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0, sh - 1);
            var y0 = (int)gy;
            var y1 = Math.Min(y0 + 1, sh - 1);
            var ty = gy - y0;
            for (var x = 0; x < w; x++)
            {
                var gx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0, sw - 1);
                var x0 = (int)gx;
                var x1 = Math.Min(x0 + 1, sw - 1);
                var tx = gx - x0;
                result[(y * w) + x] = Lerp(
                    Lerp(source[(y0 * sw) + x0], source[(y0 * sw) + x1], tx),
                    Lerp(source[(y1 * sw) + x0], source[(y1 * sw) + x1], tx),
                    ty);
            }
        }

        return result;
    }

    private static float[] Luma(RgbImage image)
    {
        var luma = new float[image.Width * image.Height];
        var pixels = image.Pixels;
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = ((0.299f * pixels[3 * i]) + (0.587f * pixels[(3 * i) + 1]) + (0.114f * pixels[(3 * i) + 2])) / 255f;
        }

        return luma;
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
