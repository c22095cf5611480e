using Headshots.Engines.Imaging;

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
        BoxBlur.InPlace(result, width, height, 1, radius, 3);
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
}
