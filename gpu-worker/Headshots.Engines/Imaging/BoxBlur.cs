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

        var scratch = new float[data.Length];
        for (var pass = 0; pass < passes; pass++)
        {
            Horizontal(data, scratch, width, height, channels, radius);
            Vertical(scratch, data, width * channels, height, radius);
        }
    }

    static void Horizontal(float[] source, float[] destination, int width, int height, int channels, int radius)
    {
        Parallel.For(0, height, y =>
        {
            var row = y * width * channels;
            for (var c = 0; c < channels; c++)
            {
                // Double keeps the running sum from drifting over long lines.
                double sum = 0;
                var count = 0;
                for (var x = 0; x <= Math.Min(radius, width - 1); x++)
                {
                    sum += source[row + (x * channels) + c];
                    count++;
                }

                for (var x = 0; x < width; x++)
                {
                    destination[row + (x * channels) + c] = (float)(sum / count);
                    var add = x + radius + 1;
                    if (add < width)
                    {
                        sum += source[row + (add * channels) + c];
                        count++;
                    }

                    var remove = x - radius;
                    if (remove >= 0)
                    {
                        sum -= source[row + (remove * channels) + c];
                        count--;
                    }
                }
            }
        });
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
                for (var x = x0; x < x1; x++) destination[row + x] = (float)(sums[x - x0] / count);
                var add = y + radius + 1;
                if (add < height)
                {
                    for (var x = x0; x < x1; x++) sums[x - x0] += source[(add * stride) + x];
                    count++;
                }

                var remove = y - radius;
                if (remove >= 0)
                {
                    for (var x = x0; x < x1; x++) sums[x - x0] -= source[(remove * stride) + x];
                    count--;
                }
            }
        });
    }
}
