using System.Numerics;

using Headshots.Engines.Imaging;

namespace Headshots.Engines.Retouch;

/// <summary>
/// Paints freckles: small, soft, slightly elliptical spots over the cheeks and the bridge of the nose, each a
/// browner, darker version of the skin under it. Applied as a per-channel gain, so the pores inside a freckle stay.
/// The random placement is seeded from the face, so the same photo always gets the same freckles.
/// </summary>
internal static class FreckleAdder
{
    /// <summary>Freckles at density 1: a well-freckled face, not a mask of dots.</summary>
    const int MaxCount = 180;

    public static void Apply(FacePatch patch, FaceFrame frame, double density, double size)
    {
        var count = (int)Math.Round(MaxCount * Math.Clamp(density, 0, 1));
        if (count == 0)
        {
            return;
        }

        var iod = frame.InterOcular;
        var meanRadius = Math.Max(1.2f, (float)Math.Clamp(size, 0.005, 0.2) * iod / 2);
        var random = new Random(frame.Seed);
        var (w, h) = (patch.Width, patch.Height);
        // The skin's own colour around each freckle, without its pores: the base the freckle is a darker shade of.
        var tone = new[] { patch.R, patch.G, patch.B }.Select(c => Blur.Normalised(c, frame.SkinHard, w, h, 0.05f * iod)).ToArray();
        var gain = new[] { Ones(patch.R.Length), Ones(patch.R.Length), Ones(patch.R.Length) };

        var placed = 0;
        for (var attempt = 0; attempt < count * 20 && placed < count; attempt++)
        {
            var centre = Place(frame, random);
            if (frame.At(frame.SkinWeight, centre) < 0.9f)
            {
                continue;
            }

            placed++;
            var radius = meanRadius * (0.7f + (0.9f * random.NextSingle()));
            var opacity = 0.3f + (0.3f * random.NextSingle());
            var ratios = FreckleRatios(frame.At(tone[0], centre), frame.At(tone[1], centre), frame.At(tone[2], centre), random);
            Stamp(gain, frame, centre, radius, opacity, ratios, random);
        }

        var channels = new[] { patch.R, patch.G, patch.B };
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < gain[c].Length; i++)
            {
                channels[c][i] *= 1 - (frame.SkinWeight[i] * (1 - gain[c][i]));
            }
        }
    }

    /// <summary>
    /// A point on a cheek (apples of the cheeks, below and a little outside each eye) or along the nose bridge,
    /// clustered the way freckles cluster where the sun falls.
    /// </summary>
    static Vector2 Place(FaceFrame frame, Random random)
    {
        var iod = frame.InterOcular;
        var down = frame.Down;
        var across = new Vector2(-down.Y, down.X);
        var pick = random.NextSingle();
        if (pick < 0.22f)
        {
            var eyes = (frame.RightEye + frame.LeftEye) / 2;
            var along = 0.2f + (0.5f * random.NextSingle());
            return eyes + (down * along * iod) + (across * Normal(random) * 0.09f * iod);
        }

        var eye = pick < 0.61f ? frame.RightEye : frame.LeftEye;
        var outward = Vector2.Normalize(eye - ((frame.RightEye + frame.LeftEye) / 2));
        var cheek = eye + (down * 0.42f * iod) + (outward * 0.05f * iod);
        return cheek + (outward * Normal(random) * 0.3f * iod) + (down * Normal(random) * 0.17f * iod);
    }

    /// <summary>Per-channel gain that turns the local skin tone into the freckle's: darker and browner in OkLab.</summary>
    static float[] FreckleRatios(float r, float g, float b, Random random)
    {
        var (lightness, a, bb) = OkLab.FromSrgb(r, g, b);
        var darker = lightness * (0.82f - (0.06f * random.NextSingle()));
        var (fr, fg, fb) = OkLab.ToSrgb(darker, (a * 1.1f) + 0.006f, (bb * 1.4f) + 0.03f);
        return [Ratio(fr, r), Ratio(fg, g), Ratio(fb, b)];

        static float Ratio(float freckle, float skin) => skin > 1 ? Math.Clamp(freckle / skin, 0.3f, 1f) : 1f;
    }

    /// <summary>Multiplies a soft elliptical Gaussian spot into the gain planes.</summary>
    static void Stamp(float[][] gain, FaceFrame frame, Vector2 centre, float radius, float opacity, float[] ratios, Random random)
    {
        var angle = random.NextSingle() * MathF.PI;
        var (sin, cos) = MathF.SinCos(angle);
        var sigmaA = radius * (0.8f + (0.4f * random.NextSingle())) * 0.7f;
        var sigmaB = radius * (0.8f + (0.4f * random.NextSingle())) * 0.7f;
        var reach = (int)MathF.Ceiling(3 * MathF.Max(sigmaA, sigmaB));
        var x0 = Math.Max(0, (int)centre.X - reach);
        var x1 = Math.Min(frame.Width - 1, (int)centre.X + reach);
        var y0 = Math.Max(0, (int)centre.Y - reach);
        var y1 = Math.Min(frame.Height - 1, (int)centre.Y + reach);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var dx = x + 0.5f - centre.X;
                var dy = y + 0.5f - centre.Y;
                var u = ((dx * cos) + (dy * sin)) / sigmaA;
                var v = ((-dx * sin) + (dy * cos)) / sigmaB;
                var coverage = opacity * MathF.Exp(-0.5f * ((u * u) + (v * v)));
                if (coverage < 1e-3f) continue;
                var i = (y * frame.Width) + x;
                for (var c = 0; c < 3; c++)
                {
                    gain[c][i] *= 1 - (coverage * (1 - ratios[c]));
                }
            }
        }
    }

    static float Normal(Random random)
    {
        // Box–Muller, from the seeded generator so placement stays deterministic.
        var u1 = Math.Max(1e-6f, random.NextSingle());
        var u2 = random.NextSingle();
        return MathF.Sqrt(-2 * MathF.Log(u1)) * MathF.Cos(2 * MathF.PI * u2);
    }

    static float[] Ones(int length)
    {
        var ones = new float[length];
        Array.Fill(ones, 1f);
        return ones;
    }
}
