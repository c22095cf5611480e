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

        // The threshold follows the skin's own variation, so only the outliers (spots) count, not the texture.
        double sum = 0, weight = 0;
        for (var i = 0; i < darkness.Length; i++)
        {
            sum += frame.SkinWeight[i] * Math.Abs(darkness[i]);
            weight += frame.SkinWeight[i];
        }

        var typical = weight > 0 ? (float)(sum / weight) : 0;
        var from = Math.Max(1f, 1.0f * typical);
        var to = from + Math.Max(2f, 1.5f * typical);

        var (spot, surround) = SkinTexture.SpotScales(frame.InterOcular);
        foreach (var channel in new[] { patch.R, patch.G, patch.B })
        {
            var small = Blur.Gaussian(channel, w, h, spot);
            var local = Blur.Normalised(channel, frame.SkinHard, w, h, surround);
            for (var i = 0; i < channel.Length; i++)
            {
                var t = Math.Clamp((darkness[i] - from) / (to - from), 0, 1);
                var strength = Lift * frame.SkinWeight[i] * t * t * (3 - (2 * t));
                if (strength > 0)
                {
                    channel[i] += strength * (local[i] - small[i]);
                }
            }
        }
    }
}
