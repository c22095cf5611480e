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

    /// <param name="inPlace">Grade <paramref name="image"/>'s own pixels (each pixel is read before it is written) instead of a copy.</param>
    public static RgbImage Apply(RgbImage image, LookPreset look, bool inPlace = false)
    {
        var table = Tables.GetOrAdd(look.Id, _ => Build(look));
        var w = image.Width;
        var h = image.Height;
        var strength = LookGrading.VignetteStrength(look);
        var p = image.Pixels;
        var result = inPlace ? p : new byte[p.Length];
        // The vignette's horizontal term once per column, its vertical term once per row: the same doubles as
        // LookGrading.VignetteAt (which this must match to the bit), without a division per pixel.
        var across = new double[w];
        for (var x = 0; x < w; x++)
        {
            var dx = (x - (w * 0.5)) / (w * 0.62);
            across[x] = dx * dx;
        }

        Parallel.For(0, h, y =>
        {
            var dy = (y - (h * 0.42)) / (h * 0.62);
            var down = dy * dy;
            for (var x = 0; x < w; x++)
            {
                var o = ((y * w) + x) * 3;
                var d = Math.Min(1, Math.Sqrt(across[x] + down));
                var vignette = (float)(Math.Round(255 * (1 - (strength * d * d * d))) / 255);
                Lookup(table, p[o], p[o + 1], p[o + 2], out var r, out var g, out var b);
                result[o] = (byte)Math.Clamp(MathF.Round(r * vignette), 0, 255);
                result[o + 1] = (byte)Math.Clamp(MathF.Round(g * vignette), 0, 255);
                result[o + 2] = (byte)Math.Clamp(MathF.Round(b * vignette), 0, 255);
            }
        });
        return inPlace ? image : new RgbImage(w, h, result);
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

    /// <summary>Trilinear interpolation between the eight lattice points around (r, g, b), corner by corner in a fixed order.</summary>
    static void Lookup(byte[] table, byte r, byte g, byte b, out float outR, out float outG, out float outB)
    {
        var (r0, fr) = (CellIndex[r], CellFraction[r]);
        var (g0, fg) = (CellIndex[g], CellFraction[g]);
        var (b0, fb) = (CellIndex[b], CellFraction[b]);
        const int StepG = Size * 3;
        const int StepB = Size * Size * 3;
        var i = ((((b0 * Size) + g0) * Size) + r0) * 3;
        float r1 = 1 - fr, g1 = 1 - fg, b1 = 1 - fb;
        // Corner weights multiplied and summed in the order the table was validated with (red fastest, then green, then blue).
        float w000 = r1 * g1 * b1, w100 = fr * g1 * b1, w010 = r1 * fg * b1, w110 = fr * fg * b1;
        float w001 = r1 * g1 * fb, w101 = fr * g1 * fb, w011 = r1 * fg * fb, w111 = fr * fg * fb;
        outR = Corners(table, i, 0, StepG, StepB, w000, w100, w010, w110, w001, w101, w011, w111);
        outG = Corners(table, i, 1, StepG, StepB, w000, w100, w010, w110, w001, w101, w011, w111);
        outB = Corners(table, i, 2, StepG, StepB, w000, w100, w010, w110, w001, w101, w011, w111);
    }

    static float Corners(byte[] t, int i, int c, int stepG, int stepB, float w000, float w100, float w010, float w110, float w001, float w101,
        float w011, float w111)
    {
        var sum = w000 * t[i + c];
        sum += w100 * t[i + 3 + c];
        sum += w010 * t[i + stepG + c];
        sum += w110 * t[i + stepG + 3 + c];
        sum += w001 * t[i + stepB + c];
        sum += w101 * t[i + stepB + 3 + c];
        sum += w011 * t[i + stepB + stepG + c];
        sum += w111 * t[i + stepB + stepG + 3 + c];
        return sum;
    }

    static readonly int[] CellIndex = [.. Enumerable.Range(0, 256).Select(level => { Cell((byte)level, out var index, out _); return index; })];

    static readonly float[] CellFraction = [.. Enumerable.Range(0, 256).Select(level => { Cell((byte)level, out _, out var fraction); return fraction; })];

    /// <summary>The lattice cell below a level and the position in it; the last cell spans 248–255.</summary>
    static void Cell(byte level, out int index, out float fraction)
    {
        index = Math.Min(level / 8, Size - 2);
        var low = index * 8;
        var high = Math.Min(255, (index + 1) * 8);
        fraction = (level - low) / (float)(high - low);
    }
}
