using System.Numerics;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Separable box blur by running sums, O(1) per pixel whatever the radius; a few passes come close to a Gaussian.
/// At the borders the window is clipped to the image (the mean of the pixels that exist), so a constant image
/// stays constant and nothing outside the image is invented.
/// </summary>
public static class BoxBlur
{
    /// <summary>Columns per vertical strip: each thread walks rows (cache-friendly) with its own running sums.</summary>
    const int Strip = 64;

    /// <summary>Running sums stepped together along the rows (rows × channels): enough to hide an addition's latency.</summary>
    const int ChainsTogether = 8;

    /// <summary>The mean over a (2r+1)² window of one plane, as a new plane.</summary>
    public static float[] Mean(float[] values, int width, int height, int radius)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = (float[])values.Clone();
        InPlace(result, width, height, 1, radius);
        return result;
    }

    /// <summary>
    /// Blurs interleaved <paramref name="channels"/> in place, <paramref name="passes"/> times; radius 0 leaves
    /// the data as it is.
    /// </summary>
    public static void InPlace(float[] data, int width, int height, int channels, int radius, int passes = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(data.Length, width * height * channels);
        if (radius <= 0 || data.Length == 0)
        {
            return;
        }

        // A full-frame plane is tens of MB: see ScratchArrays.
        var scratch = ScratchArrays.Floats.Rent(data.Length);
        try
        {
            for (var pass = 0; pass < passes; pass++)
            {
                Horizontal(data, scratch, width, height, channels, radius);
                Vertical(scratch, data, width * channels, height, radius);
            }
        }
        finally
        {
            ScratchArrays.Floats.Return(scratch);
        }
    }

    /// <summary>
    /// Along the rows. Each row's channel is one running sum (in double, so it does not drift over long lines), a
    /// chain of dependent additions; several rows' and channels' chains are stepped together so the processor
    /// overlaps them. Each chain still adds and subtracts the same values in the same order, so the result is the
    /// same as one chain at a time.
    /// </summary>
    static void Horizontal(float[] source, float[] destination, int width, int height, int channels, int radius)
    {
        var rowsPerBlock = Math.Max(1, ChainsTogether / channels);
        Parallel.For(0, (height + rowsPerBlock - 1) / rowsPerBlock, block =>
        {
            var y0 = block * rowsPerBlock;
            var chains = Math.Min(rowsPerBlock, height - y0) * channels;
            Span<double> sums = chains <= 64 ? stackalloc double[chains] : new double[chains];
            Span<int> starts = chains <= 64 ? stackalloc int[chains] : new int[chains];
            sums.Clear();
            for (var k = 0; k < chains; k++)
            {
                starts[k] = ((y0 + (k / channels)) * width * channels) + (k % channels);
            }

            var count = 0;
            for (var x = 0; x <= Math.Min(radius, width - 1); x++)
            {
                for (var k = 0; k < chains; k++) sums[k] += source[starts[k] + (x * channels)];
                count++;
            }

            for (var x = 0; x < width; x++)
            {
                var at = x * channels;
                for (var k = 0; k < chains; k++) destination[starts[k] + at] = (float)(sums[k] / count);
                var add = x + radius + 1;
                if (add < width)
                {
                    var from = add * channels;
                    for (var k = 0; k < chains; k++) sums[k] += source[starts[k] + from];
                    count++;
                }

                var remove = x - radius;
                if (remove >= 0)
                {
                    var from = remove * channels;
                    for (var k = 0; k < chains; k++) sums[k] -= source[starts[k] + from];
                    count--;
                }
            }
        });
    }

    /// <summary>sums[i] ± values[i] in double, a vector at a time (the same IEEE additions as one at a time).</summary>
    static void Add(Span<double> sums, ReadOnlySpan<float> values, int sign)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var step = Vector<float>.Count;
            var half = Vector<double>.Count;
            for (; i <= values.Length - step; i += step)
            {
                Vector.Widen(new Vector<float>(values[i..]), out var low, out var high);
                var s0 = new Vector<double>(sums[i..]);
                var s1 = new Vector<double>(sums[(i + half)..]);
                (sign > 0 ? s0 + low : s0 - low).CopyTo(sums[i..]);
                (sign > 0 ? s1 + high : s1 - high).CopyTo(sums[(i + half)..]);
            }
        }

        for (; i < values.Length; i++)
        {
            sums[i] = sign > 0 ? sums[i] + values[i] : sums[i] - values[i];
        }
    }

    /// <summary>output[i] = (float)(sums[i] / count), a vector at a time (division and narrowing round as the scalar ones do).</summary>
    static void Divide(ReadOnlySpan<double> sums, int count, Span<float> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var step = Vector<float>.Count;
            var half = Vector<double>.Count;
            var divisor = new Vector<double>(count);
            for (; i <= output.Length - step; i += step)
            {
                Vector.Narrow(new Vector<double>(sums[i..]) / divisor, new Vector<double>(sums[(i + half)..]) / divisor).CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            output[i] = (float)(sums[i] / count);
        }
    }

    /// <summary>Down the columns: interleaved channels are just more columns (<paramref name="stride"/> floats a row).</summary>
    static void Vertical(float[] source, float[] destination, int stride, int height, int radius)
    {
        Parallel.For(0, (stride + Strip - 1) / Strip, s =>
        {
            var x0 = s * Strip;
            var x1 = Math.Min(stride, x0 + Strip);
            var sums = new double[x1 - x0];
            var count = 0;
            for (var y = 0; y <= Math.Min(radius, height - 1); y++)
            {
                for (var x = x0; x < x1; x++) sums[x - x0] += source[(y * stride) + x];
                count++;
            }

            for (var y = 0; y < height; y++)
            {
                var row = y * stride;
                Divide(sums, count, destination.AsSpan(row + x0, x1 - x0));
                var add = y + radius + 1;
                if (add < height)
                {
                    Add(sums, source.AsSpan((add * stride) + x0, x1 - x0), 1);
                    count++;
                }

                var remove = y - radius;
                if (remove >= 0)
                {
                    Add(sums, source.AsSpan((remove * stride) + x0, x1 - x0), -1);
                    count--;
                }
            }
        });
    }
}
