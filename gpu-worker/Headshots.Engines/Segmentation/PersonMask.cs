namespace Headshots.Engines.Segmentation;

/// <summary>A soft person mask at the image's resolution: 255 = person, 0 = background, in between at soft edges.</summary>
public sealed class PersonMask(int width, int height, byte[] alpha)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Alpha { get; } = alpha.Length == width * height
        ? alpha
        : throw new ArgumentException($"A {width}×{height} mask needs {width * height} values, not {alpha.Length}.");

    public byte this[int x, int y] => Alpha[(y * Width) + x];

    /// <summary>The fraction of the given rectangle's pixels that are mostly person (≥ 128).</summary>
    public double Coverage(int left, int top, int right, int bottom)
    {
        left = Math.Clamp(left, 0, Width);
        right = Math.Clamp(right, 0, Width);
        top = Math.Clamp(top, 0, Height);
        bottom = Math.Clamp(bottom, 0, Height);
        long inside = 0, total = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                total++;
                if (Alpha[(y * Width) + x] >= 128)
                {
                    inside++;
                }
            }
        }

        return total == 0 ? 0 : (double)inside / total;
    }
}
