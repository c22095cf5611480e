using System.Drawing;
using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>A face found by the detector, in the analysed image's pixels.</summary>
/// <param name="Keypoints">Right eye, left eye (the person's), nose tip, mouth centre, right ear, left ear.</param>
public sealed record DetectedFace(RectangleF Box, float Score, IReadOnlyList<Vector2> Keypoints)
{
    public Vector2 RightEye => Keypoints[0];

    public Vector2 LeftEye => Keypoints[1];

    public Vector2 Nose => Keypoints[2];

    public Vector2 Mouth => Keypoints[3];

    public float Area => Box.Width * Box.Height;
}
