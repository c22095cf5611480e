using System.Buffers.Binary;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Walks a JPEG's marker segments without decoding anything: the frame size it declares, and whether the image
/// data runs through to the end-of-image marker. Segments are skipped by their length, so the complete thumbnail
/// inside the EXIF block cannot hide a cut-off main image, and data after the end (motion-photo videos) is ignored.
/// </summary>
internal static class JpegMarkers
{
    public readonly record struct Structure(uint Width, uint Height, bool HasFrame, bool IsComplete);

    public static Structure Read(ReadOnlySpan<byte> b)
    {
        uint width = 0, height = 0;
        var hasFrame = false;
        var pos = 2;
        while (pos + 1 < b.Length)
        {
            if (b[pos] != 0xFF)
            {
                pos++; // stray bytes before a marker: libjpeg skips them with a warning, and so do we
                continue;
            }
            var marker = b[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xD9) return new(width, height, hasFrame, hasFrame);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2;
                continue;
            }
            if (pos + 4 > b.Length) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 2)..]);
            if (length < 2) break;
            if (IsStartOfFrame(marker) && pos + 9 <= b.Length)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 7)..]);
                hasFrame = true;
            }
            pos += 2 + length;
            if (marker == 0xDA) pos = SkipEntropyCodedData(b, pos);
        }
        return new(width, height, hasFrame, false);
    }

    /// <summary>SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>Inside scan data a 0xFF byte is always followed by 0x00 (stuffing) or a restart marker.</summary>
    static int SkipEntropyCodedData(ReadOnlySpan<byte> b, int pos)
    {
        while (pos + 1 < b.Length)
        {
            if (b[pos] == 0xFF && b[pos + 1] != 0x00 && b[pos + 1] is not (>= 0xD0 and <= 0xD7) && b[pos + 1] != 0xFF) return pos;
            pos++;
        }
        return b.Length;
    }
}
