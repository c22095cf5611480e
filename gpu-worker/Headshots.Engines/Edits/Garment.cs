namespace Headshots.Engines.Edits;

/// <summary>
/// The main garment's colour: the densest cell of a coarse OKLab histogram over the clothing candidates, refined
/// to the mean of the pixels near it. Membership is generous in lightness (folds, shadows) and strict in chroma.
/// </summary>
internal readonly record struct Garment(float L, float A, float B)
{
    const int Bins = 20;
    const float ChromaRange = 0.4f;

    public static Garment? Dominant((float L, float A, float B)[] lab, float[] candidate)
    {
        var histogram = new double[Bins * Bins * 8];
        var total = 0.0;
        for (var i = 0; i < lab.Length; i++)
        {
            if (candidate[i] <= 0.5f) continue;
            histogram[Index(lab[i])] += candidate[i];
            total += candidate[i];
        }

        if (total < 200)
        {
            return null;
        }

        // The densest colour under the membership kernel itself, not the fullest cell: a bright, strongly lit
        // garment spreads over many cells while a black collar piles into one.
        var filled = Enumerable.Range(0, histogram.Length).Where(k => histogram[k] > 0).ToArray();
        var peak = filled[0];
        var best = double.MinValue;
        foreach (var k in filled)
        {
            var centreK = Centre(k);
            double score = 0;
            foreach (var j in filled)
            {
                var d = Distance(Centre(j), centreK);
                if (d < 1.6f) score += histogram[j] * (1f - Looks.StudioGradient.SmoothStep(1.0f, 1.6f, d));
            }

            if (score > best)
            {
                best = score;
                peak = k;
            }
        }

        // Two mean-shift steps from the peak cell to the middle of the garment's colours.
        var centre = Centre(peak);
        for (var step = 0; step < 2; step++)
        {
            double l = 0, a = 0, b = 0, n = 0;
            for (var i = 0; i < lab.Length; i++)
            {
                if (candidate[i] <= 0.5f || Distance(lab[i], centre) > 1) continue;
                l += lab[i].L * candidate[i];
                a += lab[i].A * candidate[i];
                b += lab[i].B * candidate[i];
                n += candidate[i];
            }

            if (n <= 0) break;
            centre = ((float)(l / n), (float)(a / n), (float)(b / n));
        }

        return new Garment(centre.L, centre.A, centre.B);
    }

    /// <summary>1 for the garment's colour, 0 beyond its tolerance.</summary>
    public float Membership((float L, float A, float B) c) => 1f - Looks.StudioGradient.SmoothStep(1.0f, 1.6f, Distance(c, (L, A, B)));

    static float Distance((float L, float A, float B) c, (float L, float A, float B) centre)
    {
        var dl = (c.L - centre.L) / 0.24f;
        var da = (c.A - centre.A) / 0.045f;
        var db = (c.B - centre.B) / 0.045f;
        return MathF.Sqrt((dl * dl) + (da * da) + (db * db));
    }

    static int Index((float L, float A, float B) c)
    {
        var ia = Math.Clamp((int)((c.A + (ChromaRange / 2)) / ChromaRange * Bins), 0, Bins - 1);
        var ib = Math.Clamp((int)((c.B + (ChromaRange / 2)) / ChromaRange * Bins), 0, Bins - 1);
        var il = Math.Clamp((int)(c.L * 8), 0, 7);
        return (((il * Bins) + ia) * Bins) + ib;
    }

    static (float L, float A, float B) Centre(int index)
    {
        var ib = index % Bins;
        var ia = index / Bins % Bins;
        var il = index / (Bins * Bins);
        return ((il + 0.5f) / 8, ((ia + 0.5f) / Bins * ChromaRange) - (ChromaRange / 2), ((ib + 0.5f) / Bins * ChromaRange) - (ChromaRange / 2));
    }
}
