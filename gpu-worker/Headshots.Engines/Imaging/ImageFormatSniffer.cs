using System.Buffers.Binary;
using System.Text;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Identifies an upload by its first bytes, never by its name.</summary>
internal static class ImageFormatSniffer
{
    /// <param name="Format">The decoder to force, or null when the file must be refused.</param>
    /// <param name="Description">What the file is, in words for the person who uploaded it.</param>
    /// <param name="IsImage">True for images we recognise but do not take (GIF, TIFF, BMP).</param>
    public sealed record Sniffed(MagickFormat? Format, string Description, bool IsImage);

    public static Sniffed Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return Photo(MagickFormat.Jpeg, "JPEG");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Photo(MagickFormat.Png, "PNG");
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return Photo(MagickFormat.WebP, "WebP");
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) return IsoMedia(b);
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return Unsupported("a GIF image");
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return Unsupported("a TIFF image");
        if (b.StartsWith("BM"u8) && b.Length >= 26) return Unsupported("a BMP image");
        if (b.StartsWith("%PDF"u8)) return Other("a PDF document");
        if (b.StartsWith("PK\x03\x04"u8) || b.StartsWith("PK\x05\x06"u8)) return Other("a ZIP archive");
        var head = Encoding.UTF8.GetString(b[..Math.Min(b.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase)))
        {
            return Other("an SVG drawing");
        }
        if (head.StartsWith('<')) return Other("a web page or another text document");
        return LooksLikeText(b[..Math.Min(b.Length, 1024)]) ? Other("a text file") : Other("a kind of file we do not recognise");
    }

    /// <summary>
    /// HEIC, AVIF and videos share the ISO media container; its 'ftyp' box names a major brand and compatible ones.
    /// Generic "mif1" files say in the compatible list whether they hold AV1 (AVIF) or HEVC (HEIC) pictures.
    /// </summary>
    static Sniffed IsoMedia(ReadOnlySpan<byte> b)
    {
        var boxEnd = Math.Min(b.Length, (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b), 4096));
        var brands = new List<string> { Encoding.ASCII.GetString(b[8..12]) };
        for (var i = 16; i + 4 <= boxEnd; i += 4) brands.Add(Encoding.ASCII.GetString(b[i..(i + 4)]));
        if (brands.Exists(x => x is "avif" or "avis")) return Photo(MagickFormat.Avif, "AVIF");
        if (brands.Exists(x => x is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1")) return Photo(MagickFormat.Heic, "HEIC");
        return Other("a video or another media file");
    }

    static Sniffed Photo(MagickFormat format, string description) => new(format, description, IsImage: true);

    static Sniffed Unsupported(string description) => new(null, description, IsImage: true);

    static Sniffed Other(string description) => new(null, description, IsImage: false);

    static bool LooksLikeText(ReadOnlySpan<byte> b)
    {
        foreach (var c in b)
        {
            if (c < 0x09 || (c > 0x0D && c < 0x20)) return false;
        }
        return true;
    }
}
