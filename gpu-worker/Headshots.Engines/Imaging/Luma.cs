namespace Headshots.Engines.Imaging;

/// <summary>
/// The studio's one definition of brightness: Rec. 709 weights, the primaries sRGB photos are encoded with, so
/// every measure, mask guide and grade agrees on what "brighter" means.
/// </summary>
public static class Luma
{
    public const float Red = 0.2126f;
    public const float Green = 0.7152f;
    public const float Blue = 0.0722f;

    public static float Of(float r, float g, float b) => (Red * r) + (Green * g) + (Blue * b);

    /// <summary>In double, for sums over many pixels where float weights would drift.</summary>
    public static double Of(double r, double g, double b) => (0.2126 * r) + (0.7152 * g) + (0.0722 * b);

    /// <summary>One plane from packed R, G, B bytes, over <paramref name="divisor"/> (255 for 0–1).</summary>
    public static float[] Plane(byte[] rgb, int pixels, float divisor = 1f)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(3L * pixels, rgb.Length);
        var luma = new float[pixels];
        for (var i = 0; i < pixels; i++)
        {
            luma[i] = Of(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]) / divisor;
        }

        return luma;
    }
}
