using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class JpegEncoderTests
{
    /// <summary>The luminance DC table's code counts by length in ITU-T T.81 Annex K.3 (Table K.3), which libjpeg writes unless asked to optimise.</summary>
    static readonly byte[] AnnexKLuminanceDcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The luminance AC table's code counts by length in Annex K.3 (Table K.5).</summary>
    static readonly byte[] AnnexKLuminanceAcBits = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];

    [Fact]
    public void EncodeWorkFile_Photo_CodesWithTheStandardHuffmanTables()
    {
        using var image = new MagickImage(SamplePhotos.GraceHopper);

        var tables = HuffmanTables(JpegEncoder.EncodeWorkFile(image, 92));

        Assert.Equal(AnnexKLuminanceDcBits, tables[(0, 0)]);
        Assert.Equal(AnnexKLuminanceAcBits, tables[(1, 0)]);
    }

    [Fact]
    public void Encode_Photo_CodesWithTablesOptimisedForIt()
    {
        using var image = new MagickImage(SamplePhotos.GraceHopper);

        var tables = HuffmanTables(JpegEncoder.Encode(image, 92));

        Assert.NotEqual(AnnexKLuminanceAcBits, tables[(1, 0)]);
    }

    [Fact]
    public void EncodeWorkFile_Photo_DecodesToTheSamePixelsAsTheOptimisedFile()
    {
        using var first = new MagickImage(SamplePhotos.GraceHopper);
        using var second = new MagickImage(SamplePhotos.GraceHopper);

        var optimised = JpegEncoder.Encode(first, 95);
        var work = JpegEncoder.EncodeWorkFile(second, 95);

        // Huffman coding is lossless: only the coded length may differ, never a decoded pixel.
        Assert.NotEqual(optimised.Length, work.Length);
        Assert.True(RgbImage.Decode(optimised, int.MaxValue).Pixels.AsSpan().SequenceEqual(RgbImage.Decode(work, int.MaxValue).Pixels),
            "the work file decodes to other pixels than the optimised file");
    }

    /// <summary>Each Huffman table's 16 code counts by (class: 0 DC, 1 AC; destination), read from the DHT segments (T.81 B.2.4.2).</summary>
    static Dictionary<(int Class, int Id), byte[]> HuffmanTables(byte[] jpeg)
    {
        var tables = new Dictionary<(int, int), byte[]>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (marker == 0xDA) break; // start of scan: the tables all come before it
            if (marker == 0xC4)
            {
                var p = at + 4;
                while (p < at + 2 + length)
                {
                    var bits = jpeg.AsSpan(p + 1, 16).ToArray();
                    tables[(jpeg[p] >> 4, jpeg[p] & 0x0F)] = bits;
                    p += 17 + bits.Sum(b => b);
                }
            }
            at += 2 + length;
        }

        return tables;
    }
}
