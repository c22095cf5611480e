using System.Buffers.Binary;

namespace Headshots.Pipeline.Editing;

/// <summary>A PNG's size from its IHDR chunk, without decoding pixels (the functions app carries no imaging library).</summary>
public static class PngHeader
{
    static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool TryReadSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        width = height = 0;
        // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4).
        if (png.Length < 24 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8)) return false;
        width = (int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(16, 4));
        height = (int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(20, 4));
        return width > 0 && height > 0;
    }
}
