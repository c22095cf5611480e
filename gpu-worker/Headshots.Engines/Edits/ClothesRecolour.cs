using Headshots.Engines.Imaging;
using Headshots.Jobs.Edits;

namespace Headshots.Engines.Edits;

/// <summary>
/// Dyes the clothes in OKLCh: every clothing pixel takes the target's hue and chroma, and the garment's mean
/// lightness moves to the target's while each pixel keeps its own deviation from that mean — the weave, folds
/// and shading stay; only the dye changes.
/// </summary>
internal static class ClothesRecolour
{
    public static RgbImage Apply(RgbImage image, float[] weights, EditColour target)
    {
        var p = image.Pixels;
        var n = image.Width * image.Height;
        double sumL = 0, count = 0;
        for (var i = 0; i < n; i++)
        {
            if (weights[i] < 0.5f) continue;
            sumL += OkLab.FromSrgb(p[3 * i], p[(3 * i) + 1], p[(3 * i) + 2]).L * weights[i];
            count += weights[i];
        }

        if (count < 1)
        {
            return image;
        }

        var meanL = (float)(sumL / count);
        var goal = OkLab.FromSrgb(target.R, target.G, target.B);
        var chroma = MathF.Sqrt((goal.A * goal.A) + (goal.B * goal.B));
        var hue = MathF.Atan2(goal.B, goal.A);
        var result = (byte[])p.Clone();
        Parallel.For(0, n, i =>
        {
            var weight = weights[i];
            if (weight <= 0) return;
            var o = 3 * i;
            var lab = OkLab.FromSrgb(p[o], p[o + 1], p[o + 2]);
            var lightness = SoftClamp(goal.L + (lab.L - meanL));
            // Deep shadows in a fold carry less colour, as real dyed cloth does.
            var c = chroma * MathF.Min(1f, MathF.Sqrt(lightness / MathF.Max(0.05f, goal.L)));
            var rgb = OkLab.ToLinear(lightness, c * MathF.Cos(hue), c * MathF.Sin(hue));
            if (!OkLab.InGamut(rgb))
            {
                // Out of sRGB: keep the lightness and hue, give up chroma until it fits.
                float low = 0, high = c;
                for (var k = 0; k < 6; k++)
                {
                    var mid = (low + high) / 2;
                    if (OkLab.InGamut(OkLab.ToLinear(lightness, mid * MathF.Cos(hue), mid * MathF.Sin(hue)))) low = mid;
                    else high = mid;
                }

                rgb = OkLab.ToLinear(lightness, low * MathF.Cos(hue), low * MathF.Sin(hue));
            }

            result[o] = Mix(p[o], OkLab.ToSrgb(rgb.R), weight);
            result[o + 1] = Mix(p[o + 1], OkLab.ToSrgb(rgb.G), weight);
            result[o + 2] = Mix(p[o + 2], OkLab.ToSrgb(rgb.B), weight);
        });
        return new RgbImage(image.Width, image.Height, result);
    }

    /// <summary>Keeps lightness inside 0.02–0.98 without a hard clip that would flatten the texture.</summary>
    static float SoftClamp(float l)
    {
        if (l < 0.1f) return 0.02f + (0.08f * MathF.Exp((l - 0.1f) / 0.08f));
        if (l > 0.9f) return 0.98f - (0.08f * MathF.Exp((0.9f - l) / 0.08f));
        return l;
    }

    static byte Mix(byte original, float recoloured, float weight) =>
        (byte)Math.Clamp(MathF.Round(original + ((recoloured - original) * weight)), 0, 255);
}
