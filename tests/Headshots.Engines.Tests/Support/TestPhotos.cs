using ImageMagick;

namespace Headshots.Engines.Tests.Support;

/// <summary>Photos made for a test from a sample: another format, size or colour model, with optional edits.</summary>
internal static class TestPhotos
{
    public static byte[] Encode(byte[] source, MagickFormat format, Action<MagickImage>? edit = null)
    {
        using var image = new MagickImage(source);
        edit?.Invoke(image);
        return image.ToByteArray(format);
    }

    public static byte[] Resized(byte[] source, uint width, uint height, MagickFormat format = MagickFormat.Jpeg) =>
        Encode(source, format, image => image.Resize(new MagickGeometry(width, height) { IgnoreAspectRatio = true }));

    public static byte[] Solid(string colour, uint width, uint height)
    {
        using var image = new MagickImage(new MagickColor(colour), width, height);
        return image.ToByteArray(MagickFormat.Png);
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(text)) >= 0;

    /// <summary>True when the file decodes to three-channel sRGB (a grey JPEG decodes to one "Gray" channel).</summary>
    public static bool IsThreeChannelSrgb(byte[] encoded)
    {
        using var image = new MagickImage(encoded);
        return image.ColorSpace == ColorSpace.sRGB && image.ChannelCount == 3;
    }

    /// <summary>Reads the file's header and metadata blocks only, no pixels.</summary>
    public static MagickImage Ping(byte[] encoded)
    {
        var image = new MagickImage();
        image.Ping(encoded);
        return image;
    }
}
