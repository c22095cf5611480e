using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>The one way this project writes a JPEG: 8-bit sRGB, no metadata at all (no GPS, no camera serials).</summary>
internal static class JpegEncoder
{
    public static byte[] Encode(MagickImage image, uint quality)
    {
        image.Strip();
        image.ColorSpace = ColorSpace.sRGB;
        image.Depth = 8;
        image.Quality = quality;
        image.Settings.Interlace = Interlace.NoInterlace;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>Resizes so the long edge is at most <paramref name="longEdge"/>, never enlarging.</summary>
    public static void FitWithin(MagickImage image, uint longEdge)
    {
        if (Math.Max(image.Width, image.Height) <= longEdge) return;
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry(longEdge, longEdge));
    }
}
