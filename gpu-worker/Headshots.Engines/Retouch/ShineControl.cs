namespace Headshots.Engines.Retouch;

/// <summary>
/// Tones down specular shine on the skin (forehead, nose, cheeks): where the smoothed skin is among its brightest
/// and nearly colourless, its smooth part is pulled most of the way towards the skin tone around it. Only the
/// smooth part moves, so the texture inside a highlight stays.
/// </summary>
internal static class ShineControl
{
    const float Strength = 0.5f;

    public static void Apply(FacePatch patch, FaceFrame frame)
    {
        var (w, h) = (patch.Width, patch.Height);
        var iod = frame.InterOcular;
        var channels = new[] { patch.R, patch.G, patch.B };
        var smooth = channels.Select(c => Blur.Normalised(c, frame.SkinHard, w, h, 0.02f * iod)).ToArray();
        var luma = new float[patch.R.Length];
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = FacePatch.Luma(smooth[0][i], smooth[1][i], smooth[2][i]);
        }

        var (from, to) = HighlightRange(luma, frame.SkinHard);
        var shine = new float[luma.Length];
        for (var i = 0; i < luma.Length; i++)
        {
            if (frame.SkinHard[i] == 0) continue;
            var max = MathF.Max(smooth[0][i], MathF.Max(smooth[1][i], smooth[2][i]));
            var min = MathF.Min(smooth[0][i], MathF.Min(smooth[1][i], smooth[2][i]));
            var saturation = max > 1 ? (max - min) / max : 0;
            shine[i] = SmoothStep(from, to, luma[i]) * (1 - SmoothStep(0.2f, 0.45f, saturation));
        }

        // The skin tone around a highlight, from the skin that is not shiny.
        var matte = new float[shine.Length];
        for (var i = 0; i < matte.Length; i++)
        {
            matte[i] = frame.SkinHard[i] * (1 - shine[i]);
        }

        var matteWeights = Blur.Gaussian(matte, w, h, 0.12f * iod);
        for (var c = 0; c < 3; c++)
        {
            var weighted = new float[matte.Length];
            for (var i = 0; i < weighted.Length; i++)
            {
                weighted[i] = smooth[c][i] * matte[i];
            }

            var tone = Blur.Normalised(Blur.Gaussian(weighted, w, h, 0.12f * iod), matteWeights, smooth[c]);
            var channel = channels[c];
            for (var i = 0; i < channel.Length; i++)
            {
                var excess = smooth[c][i] - tone[i];
                if (excess > 0 && shine[i] > 0)
                {
                    channel[i] -= Strength * frame.SkinWeight[i] * shine[i] * excess;
                }
            }
        }
    }

    /// <summary>The skin's brightest tenth, by its own distribution: shine is relative to the face's exposure.</summary>
    static (float From, float To) HighlightRange(float[] luma, float[] skin)
    {
        var values = new List<float>();
        for (var i = 0; i < luma.Length; i++)
        {
            if (skin[i] != 0) values.Add(luma[i]);
        }

        if (values.Count == 0)
        {
            return (256, 257);
        }

        values.Sort();
        var from = values[(int)(0.9 * (values.Count - 1))];
        var to = Math.Max(from + 6, values[(int)(0.995 * (values.Count - 1))]);
        return (from, to);
    }

    static float SmoothStep(float from, float to, float value)
    {
        var t = Math.Clamp((value - from) / (to - from), 0, 1);
        return t * t * (3 - (2 * t));
    }
}
