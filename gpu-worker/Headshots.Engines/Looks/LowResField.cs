using Headshots.Engines.Imaging;

namespace Headshots.Engines.Looks;

/// <summary>
/// A smooth quantity (a wide blur of colour or of the mask) kept at a quarter of the image's size and read back
/// bilinearly: wide blurs have nothing at full resolution worth paying sixteen times the work for.
/// </summary>
internal sealed class LowResField
{
    public const int Factor = 4;

    LowResField(float[] values, int width, int height, int channels) => (Values, Width, Height, Channels) = (values, width, height, channels);

    public float[] Values { get; }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    /// <summary>
    /// Cell sums accumulated band by band (one band is one row of cells, <see cref="Factor"/> full-size rows), the
    /// bands in parallel: no cell is shared between bands and each cell still adds its pixels in row order, so the
    /// sums are those of a single pass. <paramref name="addRow"/> adds full-size row y into the sums.
    /// </summary>
    public static float[] SumRows(int width, int height, int channels, Action<int, float[]> addRow)
    {
        var sums = new float[SmallWidth(width) * SmallHeight(height) * channels];
        Parallel.For(0, SmallHeight(height), band =>
        {
            for (var y = band * Factor; y < Math.Min(height, (band + 1) * Factor); y++)
            {
                addRow(y, sums);
            }
        });
        return sums;
    }

    public static int SmallWidth(int width) => Math.Max(1, (width + Factor - 1) / Factor);

    public static int SmallHeight(int height) => Math.Max(1, (height + Factor - 1) / Factor);

    /// <summary>The small cell a full-size pixel falls in.</summary>
    public static int Cell(int x, int y, int width) => ((y / Factor) * SmallWidth(width)) + (x / Factor);

    /// <summary>
    /// From per-cell sums accumulated by the caller (<see cref="Cell"/>), for quantities that need not exist
    /// at full size at all.
    /// </summary>
    public static LowResField FromSums(float[] values, int width, int height, int channels, int radius)
    {
        var sw = SmallWidth(width);
        var sh = SmallHeight(height);
        for (var cy = 0; cy < sh; cy++)
        {
            var rows = Math.Min(Factor, height - (cy * Factor));
            for (var cx = 0; cx < sw; cx++)
            {
                var count = rows * Math.Min(Factor, width - (cx * Factor));
                var cell = (cy * sw) + cx;
                for (var c = 0; c < channels; c++)
                {
                    values[(cell * channels) + c] /= Math.Max(1, count);
                }
            }
        }

        BoxBlur.InPlace(values, sw, sh, channels, Math.Max(1, (radius + (Factor / 2)) / Factor), 2);
        return new LowResField(values, sw, sh, channels);
    }

    /// <summary>The field at a full-size pixel.</summary>
    public float At(float x, float y, int channel) => At(Locate(x, y), channel);

    /// <summary>Where a full-size pixel falls among the cells: worked out once for every channel read there.</summary>
    public Position Locate(float x, float y)
    {
        var u = Math.Clamp(((x + 0.5f) / Factor) - 0.5f, 0, Width - 1);
        var v = Math.Clamp(((y + 0.5f) / Factor) - 0.5f, 0, Height - 1);
        var x0 = (int)u;
        var y0 = (int)v;
        var x1 = Math.Min(x0 + 1, Width - 1);
        var y1 = Math.Min(y0 + 1, Height - 1);
        return new Position((y0 * Width) + x0, (y0 * Width) + x1, (y1 * Width) + x0, (y1 * Width) + x1, u - x0, v - y0);
    }

    /// <summary>The field at a located pixel (a position from this field's <see cref="Locate"/>, or a field of the same size).</summary>
    public float At(in Position at, int channel)
    {
        float Value(int cell) => Values[(cell * Channels) + channel];
        var top = Value(at.TopLeft) + ((Value(at.TopRight) - Value(at.TopLeft)) * at.Fx);
        var bottom = Value(at.BottomLeft) + ((Value(at.BottomRight) - Value(at.BottomLeft)) * at.Fx);
        return top + ((bottom - top) * at.Fy);
    }

    /// <summary>The four cells around a full-size pixel and its weights between them.</summary>
    public readonly record struct Position(int TopLeft, int TopRight, int BottomLeft, int BottomRight, float Fx, float Fy);
}
