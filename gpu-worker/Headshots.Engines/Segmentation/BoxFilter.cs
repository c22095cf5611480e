namespace Headshots.Engines.Segmentation;

/// <summary>Mean over a (2r+1)² window, clipped at the borders, in O(1) per pixel from a summed-area table.</summary>
public static class BoxFilter
{
    public static float[] Mean(float[] values, int width, int height, int radius)
    {
        var stride = width + 1;
        var sums = new double[stride * (height + 1)];
        for (var y = 0; y < height; y++)
        {
            double row = 0;
            for (var x = 0; x < width; x++)
            {
                row += values[(y * width) + x];
                sums[((y + 1) * stride) + x + 1] = sums[(y * stride) + x + 1] + row;
            }
        }

        var result = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            var top = Math.Max(0, y - radius);
            var bottom = Math.Min(height, y + radius + 1);
            for (var x = 0; x < width; x++)
            {
                var left = Math.Max(0, x - radius);
                var right = Math.Min(width, x + radius + 1);
                var sum = sums[(bottom * stride) + right] - sums[(top * stride) + right] - sums[(bottom * stride) + left] + sums[(top * stride) + left];
                result[(y * width) + x] = (float)(sum / ((bottom - top) * (right - left)));
            }
        }

        return result;
    }
}
