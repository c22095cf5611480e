using System.Buffers.Binary;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// The width and height a file's header claims, read by hand before any native decoder sees the file, so a
/// decompression bomb (a few bytes declaring billions of pixels) is refused without touching the codec at all.
/// </summary>
internal static class DeclaredSize
{
    /// <summary>Null when the header has no readable size (the decoder's own ping is then the only check).</summary>
    public static (uint Width, uint Height)? Read(ReadOnlySpan<byte> b, MagickFormat format) => format switch
    {
        MagickFormat.Png => Png(b),
        MagickFormat.Jpeg => JpegMarkers.Read(b) is { HasFrame: true } s ? (s.Width, s.Height) : null,
        MagickFormat.WebP => WebP(b),
        MagickFormat.Heic or MagickFormat.Avif => Heif(b),
        _ => null,
    };

    static (uint, uint)? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]))
            : null;

    static (uint, uint)? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30) return null;
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + UInt24(b[24..]), 1 + UInt24(b[27..]));
        }
        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return (1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return ((uint)(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF), (uint)(BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF));
        }
        return null;
    }

    /// <summary>
    /// HEIC and AVIF give each image's size in an 'ispe' property near the start. A grid photo has one per tile and
    /// one for the whole, so the largest of each is taken: an overestimate can only make the check stricter.
    /// </summary>
    static (uint, uint)? Heif(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 256 * 1024)];
        uint width = 0, height = 0;
        var found = false;
        for (var i = head.IndexOf("ispe"u8); i >= 0 && i + 16 <= head.Length; )
        {
            width = Math.Max(width, BinaryPrimitives.ReadUInt32BigEndian(head[(i + 8)..]));
            height = Math.Max(height, BinaryPrimitives.ReadUInt32BigEndian(head[(i + 12)..]));
            found = true;
            var next = head[(i + 4)..].IndexOf("ispe"u8);
            i = next < 0 ? -1 : i + 4 + next;
        }
        return found ? (width, height) : null;
    }

    static uint UInt24(ReadOnlySpan<byte> b) => (uint)(b[0] | b[1] << 8 | b[2] << 16);
}
