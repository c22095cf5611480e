namespace Headshots.Engines.Retouch;

/// <summary>
/// Frequency separation on the skin: the blotchy band between a fine blur (≈ 0.08 × inter-ocular distance) and a
/// coarse one (the face's shading) is scaled down, while everything finer than the fine blur — pores, hairs,
/// freckles — passes through untouched. Evening the tone this way cannot make skin plastic.
/// </summary>
internal static class SkinSmoothing
{
    /// <summary>How much of the blotchy band the strongest setting removes; the rest keeps the skin alive.</summary>
    const float MaxReduction = 0.75f;

    /// <summary>Luma depth (levels) of the band at which evening is halved: deeper shading is mostly kept.</summary>
    const float Depth = 8f;

    public static void Apply(FacePatch patch, FaceFrame frame, double amount)
    {
        var k = MaxReduction * (float)Math.Clamp(amount, 0, 1);
        if (k <= 0)
        {
            return;
        }

        var (w, h) = (patch.Width, patch.Height);
        var fine = 0.08f * frame.InterOcular;
        var coarse = 0.25f * frame.InterOcular;
        var fineWeights = Blur.Gaussian(frame.SkinHard, w, h, fine);
        var coarseWeights = Blur.Gaussian(frame.SkinHard, w, h, coarse);
        var lows = new List<float[]>(3);
        var shadings = new List<float[]>(3);
        foreach (var channel in new[] { patch.R, patch.G, patch.B })
        {
            var weighted = new float[channel.Length];
            for (var i = 0; i < weighted.Length; i++)
            {
                weighted[i] = channel[i] * frame.SkinHard[i];
            }

            lows.Add(Blur.Normalised(Blur.Gaussian(weighted, w, h, fine), fineWeights, channel));
            shadings.Add(Blur.Normalised(Blur.Gaussian(weighted, w, h, coarse), coarseWeights, channel));
        }

        var channels = new[] { patch.R, patch.G, patch.B };
        for (var i = 0; i < patch.R.Length; i++)
        {
            if (frame.SkinWeight[i] <= 0) continue;
            // Blotches are shallow; the shadows that model the face (cheekbones, eye sockets, the sides of the nose)
            // are deep. Evening only the shallow part keeps the structure a face is recognised by.
            var band = FacePatch.Luma(lows[0][i] - shadings[0][i], lows[1][i] - shadings[1][i], lows[2][i] - shadings[2][i]);
            var shallow = Depth * Depth / ((Depth * Depth) + (band * band));
            var strength = k * frame.SkinWeight[i] * shallow;
            for (var c = 0; c < 3; c++)
            {
                channels[c][i] -= strength * (lows[c][i] - shadings[c][i]);
            }
        }
    }
}
