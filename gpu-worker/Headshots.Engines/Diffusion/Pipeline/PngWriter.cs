using Headshots.Engines.Imaging;
using ImageMagick;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>Lossless RGB PNG with no time or software chunks, so the same pixels always give the same bytes.</summary>
internal static class PngWriter
{
    public static byte[] Encode(RgbImage image)
    {
        using var magick = image.ToMagick();
        magick.Strip();
        magick.Format = MagickFormat.Png24;
        // ImageMagick otherwise stamps creation and modification dates into tEXt/tIME chunks.
        magick.Settings.SetDefine(MagickFormat.Png, "exclude-chunks", "date,time,tEXt,zTXt,iTXt");
        return magick.ToByteArray();
    }
}
