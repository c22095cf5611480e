using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>The one way this project writes a JPEG: baseline, 8-bit, three-channel sRGB, no metadata at all (no GPS, no camera serials).</summary>
public static class JpegEncoder
{
    /// <param name="subsampleChroma">
    /// 4:2:0 for delivered files (a third smaller, invisible at 16 MP); otherwise ImageMagick keeps full chroma at
    /// quality 90 and above, which the working copies want because later stages re-grade the colour.
    /// </param>
    /// <param name="embedSrgbProfile">
    /// Delivered files carry the sRGB ICC profile (after every other piece of metadata is stripped): colour-managed
    /// viewers and print labs then read the colours exactly, rather than guessing.
    /// </param>
    public static byte[] Encode(MagickImage image, uint quality, bool subsampleChroma = false, bool embedSrgbProfile = false)
    {
        PrepareTrueColor(image, quality, embedSrgbProfile);
        image.Settings.Interlace = Interlace.NoInterlace;
        if (subsampleChroma) image.Settings.SetDefine(MagickFormat.Jpeg, "sampling-factor", "4:2:0");
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>
    /// A file only later stages read (the working copy, a candidate, a render, a refinement base): the same pixels as
    /// <see cref="Encode"/>, coded with the standard Huffman tables instead of tables optimised for the image. The
    /// optimisation is a second pass over the whole image, most of a full-chroma encode's time, for a file 3–4 %
    /// smaller; what people download (<see cref="DeliveredImages"/>) and what leaves for a cloud service keep it.
    /// </summary>
    public static byte[] EncodeWorkFile(MagickImage image, uint quality)
    {
        image.Settings.SetDefine(MagickFormat.Jpeg, "optimize-coding", "false");
        try
        {
            return Encode(image, quality);
        }
        finally
        {
            // Settings outlive the call: a preview or delivered file encoded from the same image later is optimised again.
            image.Settings.RemoveDefine(MagickFormat.Jpeg, "optimize-coding");
        }
    }

    /// <summary>
    /// What every file this project writes has in common (<see cref="WebPEncoder"/> too): every piece of metadata
    /// stripped, the sRGB ICC profile alone put back when asked, 8-bit three-channel sRGB at the given quality.
    /// </summary>
    internal static void PrepareTrueColor(MagickImage image, uint quality, bool embedSrgbProfile)
    {
        image.Strip();
        if (embedSrgbProfile) image.SetProfile(ColorProfiles.SRGB);
        image.ColorSpace = ColorSpace.sRGB;
        // The writer looks at the settings, not the image: without this a grey image becomes a one-channel JPEG,
        // which reads back as "Gray" rather than sRGB.
        image.ColorType = ColorType.TrueColor;
        image.Settings.ColorType = ColorType.TrueColor;
        image.Depth = 8;
        image.Quality = quality;
    }

    /// <summary>Resizes so the long edge is at most <paramref name="longEdge"/>, never enlarging.</summary>
    public static void FitWithin(MagickImage image, uint longEdge, FilterType filter = FilterType.Lanczos)
    {
        if (Math.Max(image.Width, image.Height) <= longEdge) return;
        image.FilterType = filter;
        image.Resize(new MagickGeometry(longEdge, longEdge));
    }
}
