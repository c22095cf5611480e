using System.Drawing;
using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>The 468 face mesh points in the analysed image's pixels (z in the same scale, relative depth).</summary>
/// <param name="Confidence">The mesh model's own face-presence score, 0–1.</param>
public sealed record FaceLandmarks(IReadOnlyList<Vector3> Points, float Confidence)
{
    public const int Count = 468;

    public Vector2 this[int index] => new(Points[index].X, Points[index].Y);

    public Vector2 RightEyeCentre => Centre(FaceRegions.RightEye);

    public Vector2 LeftEyeCentre => Centre(FaceRegions.LeftEye);

    public Vector2 NoseTip => this[FaceRegions.NoseTip];

    public IReadOnlyList<Vector2> Contour(IReadOnlyList<int> region) => region.Select(i => this[i]).ToList();

    public RectangleF Bounds
    {
        get
        {
            float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
            foreach (var p in Points)
            {
                minX = MathF.Min(minX, p.X);
                minY = MathF.Min(minY, p.Y);
                maxX = MathF.Max(maxX, p.X);
                maxY = MathF.Max(maxY, p.Y);
            }

            return RectangleF.FromLTRB(minX, minY, maxX, maxY);
        }
    }

    /// <summary>Head roll in degrees: the tilt of the line between the eyes.</summary>
    public float RollDegrees
    {
        get
        {
            var d = LeftEyeCentre - RightEyeCentre;
            return MathF.Atan2(d.Y, d.X) * 180f / MathF.PI;
        }
    }

    /// <summary>
    /// Head yaw estimate, −1 (turned to one side) to 1 (the other), 0 when frontal: where the nose tip sits
    /// between the two cheek outline points.
    /// </summary>
    public float Yaw
    {
        get
        {
            var right = this[FaceRegions.RightCheek];
            var left = this[FaceRegions.LeftCheek];
            var span = Vector2.Distance(right, left);
            if (span < 1e-3f)
            {
                return 0;
            }

            var axis = (left - right) / span;
            var t = Vector2.Dot(NoseTip - right, axis) / span;
            return (t - 0.5f) * 2f;
        }
    }

    private Vector2 Centre(IReadOnlyList<int> region)
    {
        var sum = Vector2.Zero;
        foreach (var i in region)
        {
            sum += this[i];
        }

        return sum / region.Count;
    }
}
