using System.Numerics;
using Headshots.Engines.Faces;

namespace Headshots.Engines.Retouch;

/// <summary>
/// Evens out a brightness difference between the eyes (one in the shadow of the nose or of side light): when the
/// two eye areas differ by more than a few percent, the darker is lifted by half the gap, at most 8 %.
/// </summary>
internal static class EyeBalance
{
    const float Tolerance = 0.04f;
    const float MaxLift = 0.08f;

    public static void Apply(FacePatch patch, FaceFrame frame)
    {
        var right = Area(frame, FaceRegions.RightEye);
        var left = Area(frame, FaceRegions.LeftEye);
        var luma = patch.Luminance();
        var rightMean = Mean(luma, right);
        var leftMean = Mean(luma, left);
        if (rightMean <= 0 || leftMean <= 0)
        {
            return;
        }

        var (darker, ratio) = rightMean < leftMean ? (right, leftMean / rightMean) : (left, rightMean / leftMean);
        if (ratio - 1 <= Tolerance)
        {
            return;
        }

        var lift = Math.Min(MaxLift, (ratio - 1) / 2);
        var soft = Blur.Gaussian(darker, frame.Width, frame.Height, 0.05f * frame.InterOcular);
        for (var i = 0; i < soft.Length; i++)
        {
            var gain = 1 + (lift * soft[i] * frame.Face[i]);
            if (gain == 1) continue;
            patch.R[i] *= gain;
            patch.G[i] *= gain;
            patch.B[i] *= gain;
        }
    }

    /// <summary>The eye with its lids and socket: the eye contour scaled up 1.8× about its centre.</summary>
    internal static float[] Area(FaceFrame frame, int[] eye)
    {
        var points = frame.Landmarks.Contour(eye);
        var centre = points.Aggregate(Vector2.Zero, (s, p) => s + p) / points.Count;
        var mask = new byte[frame.Width * frame.Height];
        PolygonRaster.Fill(mask, frame.Width, frame.Height, points.Select(p => centre + ((p - centre) * 1.8f)).ToList(), 255);
        var area = new float[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            area[i] = mask[i] != 0 ? frame.Face[i] : 0;
        }

        return area;
    }

    static float Mean(float[] luma, float[] area)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < luma.Length; i++)
        {
            sum += area[i] * luma[i];
            total += area[i];
        }

        return total > 0 ? (float)(sum / total) : 0;
    }
}
