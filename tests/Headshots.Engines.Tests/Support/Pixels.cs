using ImageMagick;

namespace Headshots.Engines.Tests.Support;

/// <summary>What a person would see in an image, as numbers: size, colours and differences, decoded from the file bytes.</summary>
internal sealed class Pixels
{
    Pixels(int width, int height, byte[] rgb) => (Width, Height, Rgb) = (width, height, rgb);

    public int Width { get; }
    public int Height { get; }
    /// <summary>Packed 8-bit R, G, B.</summary>
    public byte[] Rgb { get; }

    public static Pixels Of(byte[] encoded)
    {
        using var image = new MagickImage(encoded);
        image.ColorSpace = ColorSpace.sRGB;
        using var pixels = image.GetPixels();
        return new Pixels((int)image.Width, (int)image.Height, pixels.ToByteArray(PixelMapping.RGB)!);
    }

    public (double R, double G, double B) Mean()
    {
        double r = 0, g = 0, b = 0;
        for (var i = 0; i < Rgb.Length; i += 3)
        {
            r += Rgb[i];
            g += Rgb[i + 1];
            b += Rgb[i + 2];
        }
        var n = Rgb.Length / 3.0;
        return (r / n, g / n, b / n);
    }

    /// <summary>The largest difference between any two channels of any pixel: 0 for a perfectly grey image.</summary>
    public int MaxChannelSpread()
    {
        var spread = 0;
        for (var i = 0; i < Rgb.Length; i += 3)
        {
            var max = Math.Max(Rgb[i], Math.Max(Rgb[i + 1], Rgb[i + 2]));
            var min = Math.Min(Rgb[i], Math.Min(Rgb[i + 1], Rgb[i + 2]));
            spread = Math.Max(spread, max - min);
        }
        return spread;
    }

    /// <summary>Mean absolute difference per channel, 0–255, between two images of the same size.</summary>
    public double MeanAbsoluteDifference(Pixels other)
    {
        Assert.Equal((Width, Height), (other.Width, other.Height));
        long total = 0;
        for (var i = 0; i < Rgb.Length; i++) total += Math.Abs(Rgb[i] - other.Rgb[i]);
        return total / (double)Rgb.Length;
    }

    /// <summary>Compares after shrinking both to the same small size, for images that differ in size or framing.</summary>
    public static double Difference(byte[] a, byte[] b, uint size = 64)
    {
        return Of(Thumb(a, size)).MeanAbsoluteDifference(Of(Thumb(b, size)));

        static byte[] Thumb(byte[] encoded, uint size)
        {
            using var image = new MagickImage(encoded);
            image.Resize(new MagickGeometry(size, size) { IgnoreAspectRatio = true });
            return image.ToByteArray(MagickFormat.Png);
        }
    }
}
