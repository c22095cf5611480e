using System.Numerics;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Faces;

/// <summary>
/// The aligned face dlib's recogniser was trained on: 150×150, padding 0.25, the face placed by a similarity fit of
/// eye centres, nose tip and mouth corners onto dlib's mean face template (its 68-point shape, as dlib's
/// get_face_chip_details places it).
/// </summary>
public static class FaceChip
{
    public const int Size = 150;

    // dlib's mean face shape (0–1 box of the inner landmarks) at padding 0.25: chip = (0.25 + t) / 1.5 × 150.
    private static readonly Vector2[] Template =
    [
        new(47.55f, 46.60f),  // right eye centre (mean of dlib points 36–41)
        new(100.48f, 46.60f), // left eye centre (42–47)
        new(74.01f, 76.56f),  // nose tip (30)
        new(50.41f, 103.02f), // right mouth corner (48)
        new(97.61f, 103.02f), // left mouth corner (54)
    ];

    /// <summary>The map from chip pixels to image pixels for this face.</summary>
    public static Matrix3x2 ChipToImage(FaceLandmarks landmarks)
    {
        Vector2[] points =
        [
            landmarks.RightEyeCentre,
            landmarks.LeftEyeCentre,
            landmarks.NoseTip,
            landmarks[FaceRegions.MouthRightCorner],
            landmarks[FaceRegions.MouthLeftCorner],
        ];
        var imageToChip = SimilarityTransform.Fit(points, Template);
        return Matrix3x2.Invert(imageToChip, out var chipToImage)
            ? chipToImage
            : throw new InvalidOperationException("The face landmarks are degenerate; no chip can be cut.");
    }

    /// <summary>The chip as an image (for debugging and for the identity profile's crops).</summary>
    public static RgbImage Cut(RgbImage image, FaceLandmarks landmarks, int size = Size)
    {
        var map = Matrix3x2.CreateScale((float)Size / size) * ChipToImage(landmarks);
        var source = AffineSampler.Prescaled(image, map, out var adjusted);
        return AffineSampler.SampleImage(source, adjusted, size, size);
    }
}
