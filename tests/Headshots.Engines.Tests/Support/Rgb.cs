using Headshots.Engines.Imaging;
using ImageMagick;

namespace Headshots.Engines.Tests.Support;

/// <summary>Raw RGB versions of test photos, and the picture-quality numbers the upscaling tests compare.</summary>
internal static class Rgb
{
    public static RgbImage Decode(byte[] encoded, Action<MagickImage>? edit = null)
    {
        using var image = new MagickImage(encoded);
        image.ColorSpace = ColorSpace.sRGB;
        edit?.Invoke(image);
        using var pixels = image.GetPixels();
        return new RgbImage((int)image.Width, (int)image.Height, pixels.ToByteArray(PixelMapping.RGB)!);
    }

    public static RgbImage Of(MagickImage image)
    {
        using var pixels = image.GetPixels();
        return new RgbImage((int)image.Width, (int)image.Height, pixels.ToByteArray(PixelMapping.RGB)!);
    }

    public static MagickImage ToMagick(RgbImage image)
    {
        var magick = new MagickImage();
        magick.ReadPixels(image.Pixels, new PixelReadSettings((uint)image.Width, (uint)image.Height, StorageType.Char, PixelMapping.RGB));
        return magick;
    }

    /// <summary>Peak signal-to-noise ratio in dB over all three channels; higher is closer.</summary>
    public static double Psnr(RgbImage a, RgbImage b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        double squares = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            var d = a.Pixels[i] - b.Pixels[i];
            squares += d * d;
        }

        return 10 * Math.Log10(255.0 * 255.0 / (squares / a.Pixels.Length));
    }

    /// <summary>
    /// Mean absolute difference between neighbouring lines, over the whole other axis and every channel: entry i is
    /// the step from column i to column i + 1 (or row i to row i + 1 when <paramref name="rows"/>).
    /// </summary>
    public static double[] Steps(RgbImage image, bool rows)
    {
        var (lines, length) = rows ? (image.Height, image.Width) : (image.Width, image.Height);
        var steps = new double[lines - 1];
        for (var along = 0; along < length; along++)
        {
            for (var line = 0; line < lines - 1; line++)
            {
                var (x0, y0, x1, y1) = rows ? (along, line, along, line + 1) : (line, along, line + 1, along);
                var a = ((y0 * image.Width) + x0) * 3;
                var b = ((y1 * image.Width) + x1) * 3;
                for (var c = 0; c < 3; c++) steps[line] += Math.Abs(image.Pixels[a + c] - image.Pixels[b + c]);
            }
        }

        for (var i = 0; i < steps.Length; i++) steps[i] /= length * 3.0;
        return steps;
    }

    public static (double Mean, int Max) Difference(RgbImage a, RgbImage b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        long total = 0;
        var max = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            var d = Math.Abs(a.Pixels[i] - b.Pixels[i]);
            total += d;
            max = Math.Max(max, d);
        }

        return (total / (double)a.Pixels.Length, max);
    }

    /// <summary>
    /// Mean absolute Laplacian (4·centre − the four neighbours) over every channel: how much fine detail an image has.
    /// Blurry enlargements score far below the original.
    /// </summary>
    public static double Detail(RgbImage image)
    {
        double sum = 0;
        var stride = image.Width * 3;
        var p = image.Pixels;
        for (var y = 1; y < image.Height - 1; y++)
        {
            for (var i = (y * stride) + 3; i < ((y + 1) * stride) - 3; i++)
            {
                sum += Math.Abs((4 * p[i]) - p[i - 3] - p[i + 3] - p[i - stride] - p[i + stride]);
            }
        }

        return sum / ((image.Width - 2) * (image.Height - 2) * 3.0);
    }
}
