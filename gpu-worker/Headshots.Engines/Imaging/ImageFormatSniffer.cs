using System.Text;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Identifies an upload by its first bytes, never by its name.</summary>
internal static class ImageFormatSniffer
{
    public sealed record Sniffed(MagickFormat? Format, string Description);

    public static Sniffed Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return new(MagickFormat.Jpeg, "JPEG");
        if (b.StartsWith("\x89PNG\r\n\x1A\n"u8)) return new(MagickFormat.Png, "PNG");
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return new(MagickFormat.WebP, "WebP");
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(b[8..12]);
            if (brand is "avif" or "avis") return new(MagickFormat.Avif, "AVIF");
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1") return new(MagickFormat.Heic, "HEIC");
            return new(null, "a video or another ISO media file");
        }
        if (b.StartsWith("%PDF"u8)) return new(null, "a PDF document");
        if (b.StartsWith("PK\x03\x04"u8) || b.StartsWith("PK\x05\x06"u8)) return new(null, "a ZIP archive");
        if (b.StartsWith("GIF8"u8)) return new(null, "a GIF animation");
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return new(null, "a TIFF file");
        var head = Encoding.UTF8.GetString(b[..Math.Min(b.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase)))
        {
            return new(null, "an SVG drawing");
        }
        if (head.StartsWith('<')) return new(null, "a web page or XML document");
        return LooksLikeText(b[..Math.Min(b.Length, 512)]) ? new(null, "a text file") : new(null, "not a format we recognise");
    }

    static bool LooksLikeText(ReadOnlySpan<byte> b)
    {
        foreach (var c in b)
        {
            if (c < 0x09 || (c > 0x0D && c < 0x20)) return false;
        }
        return true;
    }
}
