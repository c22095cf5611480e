namespace Headshots.Engines.Looks;

/// <summary>
/// Separable box blur of interleaved float channels, clamped at the borders: O(1) per pixel whatever the radius,
/// and three passes come close enough to a Gaussian for out-of-focus backdrops and soft masks.
/// </summary>
internal static class Blur
{
    public static void Box(float[] data, int width, int height, int channels, int radius, int passes = 1)
    {
        if (radius <= 0)
        {
            return;
        }

        for (var pass = 0; pass < passes; pass++)
        {
            Parallel.For(0, height, () => new float[width * channels], (y, _, line) =>
            {
                Line(data, y * width * channels, channels, width, channels, radius, line);
                return line;
            }, _ => { });
            Parallel.For(0, width, () => new float[height * channels], (x, _, line) =>
            {
                Line(data, x * channels, width * channels, height, channels, radius, line);
                return line;
            }, _ => { });
        }
    }

    /// <summary>Blurs one row or column in place: <paramref name="step"/> floats between neighbours.</summary>
    static void Line(float[] data, int start, int step, int length, int channels, int radius, float[] copy)
    {
        for (var i = 0; i < length; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                copy[(i * channels) + c] = data[start + (i * step) + c];
            }
        }

        var scale = 1f / ((2 * radius) + 1);
        var last = length - 1;
        for (var c = 0; c < channels; c++)
        {
            // Double keeps the running sum from drifting over long lines.
            double sum = 0;
            for (var k = -radius; k <= radius; k++)
            {
                sum += copy[(Math.Clamp(k, 0, last) * channels) + c];
            }

            for (var i = 0; i < length; i++)
            {
                data[start + (i * step) + c] = (float)(sum * scale);
                sum += copy[(Math.Min(i + radius + 1, last) * channels) + c] - copy[(Math.Max(i - radius, 0) * channels) + c];
            }
        }
    }
}
