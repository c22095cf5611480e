using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// The one way this project writes a WebP: lossy, 8-bit sRGB with the sRGB ICC profile embedded and no other
/// metadata (no EXIF, no XMP), like the delivered JPEGs.
/// </summary>
public static class WebPEncoder
{
    /// <summary>Encodes <paramref name="image"/> as it is (its settings are changed, its pixels are not).</summary>
    public static byte[] Encode(MagickImage image, uint quality)
    {
        JpegEncoder.PrepareTrueColor(image, quality, embedSrgbProfile: true);
        image.Settings.SetDefine(MagickFormat.WebP, "lossless", "false");
        return image.ToByteArray(MagickFormat.WebP);
    }
}
