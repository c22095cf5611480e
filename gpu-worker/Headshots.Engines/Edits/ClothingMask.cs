using System.Numerics;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Edits;

/// <summary>
/// Where the clothes are, 0–1 per pixel: the person without the head (face oval, and everything from the eyes up
/// and beside the face down to the chin, where hair is), without skin below the chin (a colour model learnt from
/// the face's own skin finds neck, chest and hands), and then only the main garment — the most common colour of
/// what is left, with generous lightness tolerance for folds — so a white shirt under a jacket or a badge keeps
/// its colour. Feathered, and never outside the person.
/// </summary>
internal static class ClothingMask
{
    public static float[] Compute(RgbImage image, PersonMask person, FaceLandmarks face)
    {
        var w = image.Width;
        var h = image.Height;
        var n = w * h;
        var lab = new (float L, float A, float B)[n];
        var p = image.Pixels;
        Parallel.For(0, n, i => lab[i] = OkLab.FromSrgb(p[3 * i], p[(3 * i) + 1], p[(3 * i) + 2]));

        var head = HeadExclusion(face, w, h);
        var skin = SkinModel.Learn(lab, FaceRegionMasks.From(face, w, h).Skin);

        // Candidates: solid person, not head, not skin.
        var candidate = new float[n];
        for (var i = 0; i < n; i++)
        {
            if (head[i] != 0 || person.Alpha[i] < 128)
            {
                continue;
            }

            candidate[i] = 1f - skin.Likelihood(lab[i]);
        }

        var garment = Garment.Dominant(lab, candidate);
        var weights = new float[n];
        if (garment is null)
        {
            return weights;
        }

        for (var i = 0; i < n; i++)
        {
            if (candidate[i] > 0)
            {
                weights[i] = candidate[i] * garment.Value.Membership(lab[i]);
            }
        }

        BoxBlur.InPlace(weights, w, h, 1, Math.Max(1, Math.Max(w, h) / 256), 2);
        for (var i = 0; i < n; i++)
        {
            // The person's own soft edge: the recolour must not tint the backdrop beside the shoulders.
            weights[i] = weights[i] < 0.004f ? 0f : weights[i] * (person.Alpha[i] / 255f);
        }

        return weights;
    }

    /// <summary>The face oval enlarged by an eighth, everything above the eyes, and the band beside the face down to just below the chin.</summary>
    static byte[] HeadExclusion(FaceLandmarks face, int w, int h)
    {
        var mask = new byte[w * h];
        var oval = face.Contour(FaceRegions.FaceOval);
        var centre = oval.Aggregate(Vector2.Zero, (s, v) => s + v) / oval.Count;
        PolygonRaster.Fill(mask, w, h, oval.Select(v => centre + ((v - centre) * 1.12f)).ToList(), 255);

        var bounds = face.Bounds;
        var eyes = (face.RightEyeCentre.Y + face.LeftEyeCentre.Y) / 2;
        var chin = face[FaceRegions.Chin].Y + (0.06f * bounds.Height);
        var cx = bounds.Left + (bounds.Width / 2);
        for (var y = 0; y < Math.Min(h, (int)chin); y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (y < eyes || Math.Abs(x - cx) < bounds.Width)
                {
                    mask[(y * w) + x] = 255;
                }
            }
        }

        return mask;
    }
}
