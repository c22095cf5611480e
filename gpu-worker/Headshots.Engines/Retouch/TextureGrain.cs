using Headshots.Engines.Imaging;

namespace Headshots.Engines.Retouch;

/// <summary>
/// Puts back fine texture a smoothing step took away: deterministic luminance grain at pixel scale, just enough
/// that the skin's high-frequency energy returns to what it was.
/// </summary>
internal static class TextureGrain
{
    public static double Energy(FacePatch patch, FaceFrame frame) =>
        SkinTexture.Detail(patch.Luminance(), frame.SkinWeight, patch.Width, patch.Height);

    public static void Restore(FacePatch patch, FaceFrame frame, double target)
    {
        var current = Energy(patch, frame);
        var missing = (target * target) - (current * current);
        if (missing <= 0 || current <= 0)
        {
            return;
        }

        var grain = new float[patch.R.Length];
        for (var i = 0; i < grain.Length; i++)
        {
            grain[i] = Noise(i, frame.Seed);
        }

        // Uncorrelated energies add in quadrature: scale the grain to supply exactly the missing part.
        var unit = SkinTexture.Detail(grain, frame.SkinWeight, patch.Width, patch.Height);
        if (unit <= 0)
        {
            return;
        }

        var amplitude = (float)(Math.Sqrt(missing) / unit);
        for (var i = 0; i < grain.Length; i++)
        {
            var delta = amplitude * grain[i] * frame.SkinWeight[i];
            patch.R[i] += delta;
            patch.G[i] += delta;
            patch.B[i] += delta;
        }
    }

    /// <summary>Triangular noise in −1..1 from a hash of the pixel index (no shared generator, no state).</summary>
    static float Noise(int index, int seed)
    {
        var a = IntegerHash.Mix((uint)index ^ (uint)seed);
        var b = IntegerHash.Mix(a + 0x9e3779b9);
        return IntegerHash.Unit(a) + IntegerHash.Unit(b) - 1;
    }
}
