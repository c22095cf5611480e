using Headshots.Engines.Imaging;

namespace Headshots.Engines.Faces;

/// <summary>Finds faces: boxes, scores and six keypoints, largest first.</summary>
public interface IFaceDetector
{
    IReadOnlyList<DetectedFace> Detect(RgbImage image);
}
