namespace Headshots.Engines.Upscaling;

/// <summary>8-bit RGB pixels, row by row, three bytes a pixel, no padding.</summary>
public sealed record RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != 3L * width * height)
        {
            throw new ArgumentException($"{width} × {height} RGB needs {3L * width * height} bytes, not {pixels.LongLength}.", nameof(pixels));
        }

        (Width, Height, Pixels) = (width, height, pixels);
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }
}
