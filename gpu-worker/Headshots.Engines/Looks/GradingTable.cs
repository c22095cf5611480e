using System.Collections.Concurrent;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Looks;

/// <summary>
/// A look's grade (LookGrading) as a 33³ colour lookup table plus the same vignette, applied in managed code:
/// the grade's ImageMagick operators are sampled once per look on a lattice instead of run over every candidate's
/// million pixels, which made them the slowest step of a composition.
/// </summary>
internal static class GradingTable
{
    const int Size = 33;

    static readonly ConcurrentDictionary<string, byte[]> Tables = new();

    public static RgbImage Apply(RgbImage image, LookPreset look)
    {
        var table = Tables.GetOrAdd(look.Id, _ => Build(look));
        var w = image.Width;
        var h = image.Height;
        var strength = LookGrading.VignetteStrength(look);
        var p = image.Pixels;
        var result = new byte[p.Length];
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var o = ((y * w) + x) * 3;
                var vignette = (float)LookGrading.VignetteAt(x, y, w, h, strength);
                Lookup(table, p[o], p[o + 1], p[o + 2], out var r, out var g, out var b);
                result[o] = (byte)Math.Clamp(MathF.Round(r * vignette), 0, 255);
                result[o + 1] = (byte)Math.Clamp(MathF.Round(g * vignette), 0, 255);
                result[o + 2] = (byte)Math.Clamp(MathF.Round(b * vignette), 0, 255);
            }
        });
        return new RgbImage(w, h, result);
    }

    static byte[] Build(LookPreset look)
    {
        // The lattice as an image, red fastest along x, green down the rows, blue across tiles.
        var lattice = new byte[Size * Size * Size * 3];
        for (var b = 0; b < Size; b++)
        {
            for (var g = 0; g < Size; g++)
            {
                for (var r = 0; r < Size; r++)
                {
                    var i = ((((b * Size) + g) * Size) + r) * 3;
                    lattice[i] = Level(r);
                    lattice[i + 1] = Level(g);
                    lattice[i + 2] = Level(b);
                }
            }
        }

        using var image = new RgbImage(Size * Size, Size, Reorder(lattice)).ToMagick();
        LookGrading.ApplyColour(image, look);
        image.ColorSpace = ColorSpace.sRGB;
        return Reorder(RgbImage.FromMagick(image).Pixels, back: true);
    }

    /// <summary>Between table order (b, g, r) and an image of Size·Size × Size pixels (x = b·Size + r, y = g).</summary>
    static byte[] Reorder(byte[] source, bool back = false)
    {
        var result = new byte[source.Length];
        for (var b = 0; b < Size; b++)
        {
            for (var g = 0; g < Size; g++)
            {
                for (var r = 0; r < Size; r++)
                {
                    var table = ((((b * Size) + g) * Size) + r) * 3;
                    var image = ((g * Size * Size) + (b * Size) + r) * 3;
                    var (from, to) = back ? (image, table) : (table, image);
                    result[to] = source[from];
                    result[to + 1] = source[from + 1];
                    result[to + 2] = source[from + 2];
                }
            }
        }

        return result;
    }

    static byte Level(int index) => (byte)Math.Min(255, index * 8);

    static void Lookup(byte[] table, byte r, byte g, byte b, out float outR, out float outG, out float outB)
    {
        Cell(r, out var r0, out var fr);
        Cell(g, out var g0, out var fg);
        Cell(b, out var b0, out var fb);
        outR = outG = outB = 0;
        for (var corner = 0; corner < 8; corner++)
        {
            var dr = corner & 1;
            var dg = (corner >> 1) & 1;
            var db = (corner >> 2) & 1;
            var weight = (dr == 1 ? fr : 1 - fr) * (dg == 1 ? fg : 1 - fg) * (db == 1 ? fb : 1 - fb);
            var i = (((((b0 + db) * Size) + g0 + dg) * Size) + r0 + dr) * 3;
            outR += weight * table[i];
            outG += weight * table[i + 1];
            outB += weight * table[i + 2];
        }
    }

    /// <summary>The lattice cell below a level and the position in it; the last cell spans 248–255.</summary>
    static void Cell(byte level, out int index, out float fraction)
    {
        index = Math.Min(level / 8, Size - 2);
        var low = index * 8;
        var high = Math.Min(255, (index + 1) * 8);
        fraction = (level - low) / (float)(high - low);
    }
}
