namespace Headshots.Engines.Edits;

/// <summary>
/// The person's skin colour as a Gaussian over OKLab chroma (a, b) with a loose lightness band, learnt from the
/// face: neck and chest in shadow differ in lightness far more than in hue.
/// </summary>
internal readonly record struct SkinModel(float MeanL, float MeanA, float MeanB, float InvAA, float InvAB, float InvBB)
{
    public static SkinModel Learn((float L, float A, float B)[] lab, byte[] skin)
    {
        double l = 0, a = 0, b = 0, n = 0;
        for (var i = 0; i < lab.Length; i += 2)
        {
            if (skin[i] == 0) continue;
            l += lab[i].L;
            a += lab[i].A;
            b += lab[i].B;
            n++;
        }

        if (n < 20)
        {
            // No usable skin: a typical skin tone with wide spread, so nothing is confidently called skin.
            return new SkinModel(0.7f, 0.03f, 0.03f, 1 / 0.0004f, 0, 1 / 0.0004f);
        }

        l /= n;
        a /= n;
        b /= n;
        double aa = 0, ab = 0, bb = 0;
        for (var i = 0; i < lab.Length; i += 2)
        {
            if (skin[i] == 0) continue;
            var da = lab[i].A - a;
            var db = lab[i].B - b;
            aa += da * da;
            ab += da * db;
            bb += db * db;
        }

        // A floor on the spread: a very even face would otherwise make its own neck in shadow "not skin".
        aa = (aa / n) + 0.00006;
        bb = (bb / n) + 0.00006;
        ab /= n;
        var det = (aa * bb) - (ab * ab);
        return new SkinModel((float)l, (float)a, (float)b, (float)(bb / det), (float)(-ab / det), (float)(aa / det));
    }

    /// <summary>1 for the face's own skin colour, falling to 0 at about 3.5 standard deviations.</summary>
    public float Likelihood((float L, float A, float B) c)
    {
        var da = c.A - MeanA;
        var db = c.B - MeanB;
        var d = MathF.Sqrt((InvAA * da * da) + (2 * InvAB * da * db) + (InvBB * db * db));
        var chroma = 1f - Looks.StudioGradient.SmoothStep(2.2f, 3.5f, d);
        var light = 1f - Looks.StudioGradient.SmoothStep(0.18f, 0.3f, MathF.Max(MeanL - c.L - 0.12f, c.L - MeanL));
        return chroma * light;
    }
}
