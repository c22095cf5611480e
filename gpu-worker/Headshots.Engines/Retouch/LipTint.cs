using Headshots.Engines.Imaging;

namespace Headshots.Engines.Retouch;

/// <summary>
/// A natural lip tint: each lip pixel's hue and chroma move halfway to the lips' average, then chroma rises a
/// little, in OkLab. Lightness is left alone, so the lips keep their shape, lines and highlights.
/// </summary>
internal static class LipTint
{
    const float Evening = 0.5f;
    const float Saturation = 1.12f;

    public static void Apply(FacePatch patch, FaceFrame frame)
    {
        var weight = frame.LipsWeight;
        double sumA = 0, sumB = 0, total = 0;
        for (var i = 0; i < weight.Length; i++)
        {
            if (weight[i] <= 0) continue;
            var (_, a, b) = OkLab.FromSrgb(patch.R[i], patch.G[i], patch.B[i]);
            sumA += weight[i] * a;
            sumB += weight[i] * b;
            total += weight[i];
        }

        if (total <= 0)
        {
            return;
        }

        var meanA = (float)(sumA / total);
        var meanB = (float)(sumB / total);
        for (var i = 0; i < weight.Length; i++)
        {
            var strength = weight[i];
            if (strength <= 0) continue;
            var (lightness, a, b) = OkLab.FromSrgb(patch.R[i], patch.G[i], patch.B[i]);
            var tintA = (a + (Evening * (meanA - a))) * Saturation;
            var tintB = (b + (Evening * (meanB - b))) * Saturation;
            var (r, g, bl) = OkLab.ToSrgb(lightness, a + (strength * (tintA - a)), b + (strength * (tintB - b)));
            patch.R[i] = r;
            patch.G[i] = g;
            patch.B[i] = bl;
        }
    }
}
