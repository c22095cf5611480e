using System.Numerics;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Faces;

/// <summary>
/// Fills a model's NHWC float input by bilinear sampling through an affine map from output to source pixels
/// (letterboxing, rotated face crops and aligned face chips are all one such map). Outside the source is black.
/// </summary>
public static class AffineSampler
{
    /// <param name="outputToSource">Maps an output pixel centre to source pixel coordinates.</param>
    /// <param name="scale">Each 0–255 channel value is multiplied by this, then <paramref name="offset"/> is added.</param>
    public static void Sample(RgbImage source, Matrix3x2 outputToSource, int width, int height, Span<float> destination, float scale, float offset)
    {
        if (destination.Length < width * height * 3)
        {
            throw new ArgumentException("The destination is smaller than the output image.", nameof(destination));
        }

        var pixels = source.Pixels;
        int sw = source.Width, sh = source.Height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = Vector2.Transform(new Vector2(x + 0.5f, y + 0.5f), outputToSource);
                float fx = p.X - 0.5f, fy = p.Y - 0.5f;
                var x0 = (int)MathF.Floor(fx);
                var y0 = (int)MathF.Floor(fy);
                float ax = fx - x0, ay = fy - y0;
                var o = ((y * width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var v = ((1 - ax) * (1 - ay) * At(pixels, sw, sh, x0, y0, c))
                        + (ax * (1 - ay) * At(pixels, sw, sh, x0 + 1, y0, c))
                        + ((1 - ax) * ay * At(pixels, sw, sh, x0, y0 + 1, c))
                        + (ax * ay * At(pixels, sw, sh, x0 + 1, y0 + 1, c));
                    destination[o + c] = (v * scale) + offset;
                }
            }
        }
    }

    /// <summary>
    /// When one output pixel would span more than two source pixels, a copy shrunk with an area filter to sample
    /// from instead (bilinear sampling that far down aliases), with the map adjusted to it.
    /// </summary>
    public static RgbImage Prescaled(RgbImage image, Matrix3x2 outputToSource, out Matrix3x2 adjusted)
    {
        var span = new Vector2(outputToSource.M11, outputToSource.M12).Length();
        adjusted = outputToSource;
        if (span <= 2f)
        {
            return image;
        }

        var shrink = 1.5f / span;
        var width = Math.Max(1, (int)MathF.Round(image.Width * shrink));
        var height = Math.Max(1, (int)MathF.Round(image.Height * shrink));
        adjusted = outputToSource * Matrix3x2.CreateScale((float)width / image.Width, (float)height / image.Height);
        return image.Resized(width, height);
    }

    public static RgbImage SampleImage(RgbImage source, Matrix3x2 outputToSource, int width, int height)
    {
        var values = new float[width * height * 3];
        Sample(source, outputToSource, width, height, values, 1, 0);
        var bytes = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            bytes[i] = (byte)Math.Clamp(MathF.Round(values[i]), 0, 255);
        }

        return new RgbImage(width, height, bytes);
    }

    private static float At(byte[] pixels, int width, int height, int x, int y, int channel) =>
        x < 0 || y < 0 || x >= width || y >= height ? 0f : pixels[(((y * width) + x) * 3) + channel];
}
