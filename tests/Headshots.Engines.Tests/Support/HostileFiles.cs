using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Headshots.Engines.Tests.Support;

/// <summary>Files a careless or hostile person could upload, made byte by byte.</summary>
internal static class HostileFiles
{
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// A valid PNG signature and IHDR (correct CRC) declaring <paramref name="width"/> × <paramref name="height"/> RGB,
    /// followed by a little deflate stream of zeros: a few hundred bytes for which a decoder would set aside pixels
    /// for the whole declared size (7.5 GB at 50000 × 50000) before reading a row.
    /// </summary>
    public static byte[] PngBomb(uint width, uint height, bool withPixelData = true)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        using var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[64 * 1024]);
        using var png = new MemoryStream();
        png.Write(PngSignature);
        WriteChunk(png, "IHDR", ihdr);
        if (!withPixelData) return png.ToArray();
        WriteChunk(png, "IDAT", zeros.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A real JPEG whose frame header is rewritten to claim <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] JpegClaimingSize(byte[] jpeg, ushort width, ushort height)
    {
        var bytes = (byte[])jpeg.Clone();
        var pos = 2;
        while (pos + 9 < bytes.Length)
        {
            var marker = bytes[pos + 1];
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(pos + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(pos + 7), width);
                return bytes;
            }
            pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(pos + 2));
        }
        throw new InvalidOperationException("The sample JPEG has no frame header.");
    }

    /// <summary>
    /// The first half of a JPEG, with a complete little JPEG inside an EXIF block at the front, as cameras store
    /// thumbnails: an end-of-image marker is present in the file, but not the photo's own.
    /// </summary>
    public static byte[] TruncatedJpegWithThumbnail(byte[] jpeg, byte[] thumbnailJpeg)
    {
        using var file = new MemoryStream();
        file.Write(jpeg.AsSpan(0, 2));
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(thumbnailJpeg).ToArray();
        file.Write([0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        file.Write(payload);
        file.Write(jpeg.AsSpan(2, jpeg.Length / 2));
        return file.ToArray();
    }

    /// <summary>A JPEG followed by a video, as Android "motion photos" are stored.</summary>
    public static byte[] MotionPhoto(byte[] jpeg)
    {
        var video = new byte[200 * 1024];
        new Random(5).NextBytes(video);
        byte[] size = [0, 0, 0, 0x10];
        size.CopyTo(video, 0);
        "ftypmp42\0\0\0\0"u8.CopyTo(video.AsSpan(4));
        return [.. jpeg, .. video];
    }

    /// <summary>The start of an MP4 video: same container family as HEIC and AVIF, different brands.</summary>
    public static byte[] Mp4Video()
    {
        var video = new byte[4096];
        new Random(9).NextBytes(video);
        byte[] size = [0, 0, 0, 0x18];
        size.CopyTo(video, 0);
        "ftypmp42\0\0\0\0isommp42"u8.CopyTo(video.AsSpan(4));
        return video;
    }

    /// <summary>A ZIP archive holding a real photo: a folder of photos compressed for upload.</summary>
    public static byte[] ZipOf(byte[] photo)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("headshot.jpg").Open();
            entry.Write(photo);
        }
        return zip.ToArray();
    }

    public static byte[] Svg => Encoding.UTF8.GetBytes(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="4000" height="5000"><rect width="4000" height="5000" fill="#888"/></svg>
        """);

    public static byte[] Pdf => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>What someone gets when a web page is saved as "photo.jpg".</summary>
    public static byte[] Text => Encoding.UTF8.GetBytes("Thanks for your order! Your photo will be ready soon.\nKind regards, the team\n");

    static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>The PNG chunk CRC (ISO 3309, polynomial 0xEDB88320), written out to depend on nothing.</summary>
    static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
