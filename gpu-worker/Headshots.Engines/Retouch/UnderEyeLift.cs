using System.Numerics;
using Headshots.Engines.Faces;

namespace Headshots.Engines.Retouch;

/// <summary>
/// Brightens the shadow below each eye: a crescent from just under the lower lid to about a quarter of the
/// inter-ocular distance down, feathered, on skin only, lifted by a few percent of luminance (more where it is
/// darker than the cheek below, which is what the shadow is).
/// </summary>
internal static class UnderEyeLift
{
    /// <summary>The lower lid of each eye, outer to inner corner (the first nine points of each eye contour).</summary>
    static readonly int[][] LowerLids = [FaceRegions.RightEye[..9], FaceRegions.LeftEye[..9]];

    const float Gain = 0.05f;

    public static void Apply(FacePatch patch, FaceFrame frame)
    {
        var weight = Region(frame);
        for (var i = 0; i < weight.Length; i++)
        {
            var lift = 1 + (Gain * weight[i]);
            if (lift == 1) continue;
            patch.R[i] *= lift;
            patch.G[i] *= lift;
            patch.B[i] *= lift;
        }
    }

    /// <summary>The under-eye crescents, 0–1, on skin only.</summary>
    internal static float[] Region(FaceFrame frame)
    {
        var iod = frame.InterOcular;
        var mask = new byte[frame.Width * frame.Height];
        foreach (var lid in LowerLids)
        {
            var points = frame.Landmarks.Contour(lid);
            var centre = points.Aggregate(Vector2.Zero, (s, p) => s + p) / points.Count;
            var upper = points.Select(p => p + (frame.Down * 0.03f * iod));
            // The lower edge is narrower than the lid, giving the crescent the shape a shadow has.
            var lower = points.Reverse().Select(p => centre + ((p - centre) * 0.8f) + (frame.Down * 0.26f * iod));
            PolygonRaster.Fill(mask, frame.Width, frame.Height, upper.Concat(lower).ToList(), 255);
        }

        var hard = new float[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            hard[i] = mask[i] != 0 ? 1 : 0;
        }

        var soft = Blur.Gaussian(hard, frame.Width, frame.Height, 0.05f * iod);
        for (var i = 0; i < soft.Length; i++)
        {
            soft[i] *= frame.SkinWeight[i];
        }

        return soft;
    }
}
