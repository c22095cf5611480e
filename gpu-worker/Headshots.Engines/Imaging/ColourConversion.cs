using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Brings any decoded photo to 8-bit sRGB with its colours kept, before its profiles are stripped.</summary>
internal static class ColourConversion
{
    public static void ToSrgb(MagickImage image)
    {
        try
        {
            if (image.ColorSpace == ColorSpace.CMYK)
            {
                // Print files often carry no profile; SWOP is the usual assumption for untagged CMYK.
                image.TransformColorSpace(ColorProfiles.USWebCoatedSWOP, ColorProfiles.SRGB);
            }
            else if (image.GetColorProfile() is not null)
            {
                // Wide-gamut photos (Display P3 from phones, Adobe RGB from cameras) would look dull if the
                // profile were just dropped; convert through it instead.
                image.TransformColorSpace(ColorProfiles.SRGB);
            }
        }
        catch (MagickException)
        {
            // A broken embedded profile: fall back to the plain conversion below rather than refuse the photo.
        }
        image.ColorSpace = ColorSpace.sRGB;
        image.Depth = 8;
    }
}
