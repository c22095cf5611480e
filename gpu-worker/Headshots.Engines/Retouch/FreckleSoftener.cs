namespace Headshots.Engines.Retouch;

/// <summary>
/// Softens freckles and small dark blemishes: blobs that stand out darker than the skin around them in a
/// freckle-scale band-pass are lifted most of the way (not all: a face with its freckles erased looks retouched)
/// towards the local skin colour. Pores sit below the band's lower scale and below the threshold, so they stay.
/// </summary>
internal static class FreckleSoftener
{
    const float Lift = 0.6f;

    public static void Apply(FacePatch patch, FaceFrame frame)
    {
        var (w, h) = (patch.Width, patch.Height);
        var darkness = SkinTexture.SpotDarkness(patch.Luminance(), frame.SkinHard, w, h, frame.InterOcular);

        // Pores barely register after the spot blur, and lines (wrinkles, creases) not at all: what remains are spots.
        const float From = 1.5f;
        const float To = 5f;
        const float TooDeep = 40f;

        var (spot, surround) = SkinTexture.SpotScales(frame.InterOcular);
        var spots = new float[darkness.Length];
        for (var i = 0; i < spots.Length; i++)
        {
            var t = Math.Clamp((darkness[i] - From) / (To - From), 0, 1);
            // Very deep dips are nostrils or lash shadows at the mask's edge, not freckles.
            var deep = Math.Clamp((darkness[i] - (TooDeep / 2)) / (TooDeep / 2), 0, 1);
            spots[i] = t * t * (3 - (2 * t)) * (1 - deep);
        }

        // Widened to the whole blob: lifting only its dark core would leave a ring that reads as two spots.
        var spread = Blur.Gaussian(spots, w, h, 1.5f * spot);
        for (var i = 0; i < spots.Length; i++)
        {
            spots[i] = Lift * frame.SkinWeight[i] * Math.Max(spots[i], Math.Min(1, 2 * spread[i]));
        }

        foreach (var channel in new[] { patch.R, patch.G, patch.B })
        {
            var small = Blur.Gaussian(channel, w, h, spot);
            var local = Blur.Normalised(channel, frame.SkinHard, w, h, surround);
            for (var i = 0; i < channel.Length; i++)
            {
                // Only upwards: the lift evens dark spots and never darkens the skin between them.
                var lift = local[i] - small[i];
                if (spots[i] > 0 && lift > 0)
                {
                    channel[i] += spots[i] * lift;
                }
            }
        }
    }
}
