using System.Globalization;
using System.Numerics;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Intake;

/// <summary>
/// A 256-bit difference hash: the picture shrunk to 17×16 grey cells, one bit per horizontal neighbour pair.
/// Re-saving, resizing and small exposure changes keep it; another moment, pose or framing changes many bits.
/// (The common 64-bit version is too coarse: two different crops of one portrait can come out 2 bits apart.)
/// </summary>
public readonly record struct PerceptualHash(ulong A, ulong B, ulong C, ulong D)
{
    private const int Columns = 16;
    private const int Rows = 16;

    public const int Bits = Columns * Rows;

    public static PerceptualHash Of(RgbImage image)
    {
        var small = image.Resized(Columns + 1, Rows);
        Span<ulong> words = stackalloc ulong[4];
        for (var y = 0; y < Rows; y++)
        {
            for (var x = 0; x < Columns; x++)
            {
                if (Luma(small, x, y) > Luma(small, x + 1, y))
                {
                    var bit = (y * Columns) + x;
                    words[bit / 64] |= 1UL << (bit % 64);
                }
            }
        }

        return new PerceptualHash(words[0], words[1], words[2], words[3]);
    }

    public static int Distance(PerceptualHash a, PerceptualHash b) =>
        BitOperations.PopCount(a.A ^ b.A) + BitOperations.PopCount(a.B ^ b.B) + BitOperations.PopCount(a.C ^ b.C) + BitOperations.PopCount(a.D ^ b.D);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{A:x16}{B:x16}{C:x16}{D:x16}");

    private static int Luma(RgbImage image, int x, int y)
    {
        var o = ((y * image.Width) + x) * 3;
        return (299 * image.Pixels[o]) + (587 * image.Pixels[o + 1]) + (114 * image.Pixels[o + 2]);
    }
}
