namespace Headshots.Engines.Retouch;

/// <summary>
/// Separable blurs on float planes: three box passes approximate a Gaussian at O(1) per
/// pixel whatever the radius, which keeps the retouch's cost independent of the face's size.
/// </summary>
internal static class Blur
{
    public static float[] Gaussian(float[] values, int width, int height, float sigma)
    {
        // Three box passes of radius r have σ = √(r(r+1)): pick the r whose σ is nearest.
        var radius = Math.Max(1, (int)MathF.Round(MathF.Sqrt((sigma * sigma) + 0.25f) - 0.5f));
        var result = (float[])values.Clone();
        var scratch = new float[values.Length];
        for (var pass = 0; pass < 3; pass++)
        {
            Horizontal(result, scratch, width, height, radius);
            Vertical(scratch, result, width, height, radius);
        }

        return result;
    }

    /// <summary>
    /// A blur that only averages where <paramref name="weights"/> is set, so skin tone is never mixed with hair, eyes
    /// or background; where no weight reaches, the value itself is kept.
    /// </summary>
    public static float[] Normalised(float[] values, float[] weights, int width, int height, float sigma)
    {
        var weighted = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            weighted[i] = values[i] * weights[i];
        }

        return Normalised(Gaussian(weighted, width, height, sigma), Gaussian(weights, width, height, sigma), values);
    }

    /// <summary>Divides a blurred weighted plane by its blurred weights (computed once for several channels).</summary>
    public static float[] Normalised(float[] blurredWeighted, float[] blurredWeights, float[] fallback)
    {
        var result = new float[fallback.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var w = blurredWeights[i];
            result[i] = w > 1e-3f ? blurredWeighted[i] / w : fallback[i];
        }

        return result;
    }

    /// <summary>A single box pass: a "mean of the neighbourhood" at pixel scale, for texture measures.</summary>
    public static float[] Box(float[] values, int width, int height, int radius)
    {
        var scratch = new float[values.Length];
        var result = new float[values.Length];
        Horizontal(values, scratch, width, height, radius);
        Vertical(scratch, result, width, height, radius);
        return result;
    }

    static void Horizontal(float[] source, float[] destination, int width, int height, int radius)
    {
        Parallel.For(0, height, y =>
        {
            var row = y * width;
            double sum = 0;
            var count = 0;
            for (var x = 0; x <= Math.Min(radius, width - 1); x++)
            {
                sum += source[row + x];
                count++;
            }

            for (var x = 0; x < width; x++)
            {
                destination[row + x] = (float)(sum / count);
                var add = x + radius + 1;
                if (add < width)
                {
                    sum += source[row + add];
                    count++;
                }

                var remove = x - radius;
                if (remove >= 0)
                {
                    sum -= source[row + remove];
                    count--;
                }
            }
        });
    }

    static void Vertical(float[] source, float[] destination, int width, int height, int radius)
    {
        // Columns in strips so each thread walks rows (cache-friendly) with its own running sums.
        const int Strip = 64;
        Parallel.For(0, (width + Strip - 1) / Strip, s =>
        {
            var x0 = s * Strip;
            var x1 = Math.Min(width, x0 + Strip);
            var sums = new double[x1 - x0];
            var count = 0;
            for (var y = 0; y <= Math.Min(radius, height - 1); y++)
            {
                for (var x = x0; x < x1; x++) sums[x - x0] += source[(y * width) + x];
                count++;
            }

            for (var y = 0; y < height; y++)
            {
                var row = y * width;
                for (var x = x0; x < x1; x++) destination[row + x] = (float)(sums[x - x0] / count);
                var add = y + radius + 1;
                if (add < height)
                {
                    for (var x = x0; x < x1; x++) sums[x - x0] += source[(add * width) + x];
                    count++;
                }

                var remove = y - radius;
                if (remove >= 0)
                {
                    for (var x = x0; x < x1; x++) sums[x - x0] -= source[(remove * width) + x];
                    count--;
                }
            }
        });
    }
}
