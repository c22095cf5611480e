using Headshots.Engines.Imaging;

namespace Headshots.Engines.Faces;

/// <summary>Places the 468-point face mesh on a detected face.</summary>
public interface IFaceLandmarker
{
    FaceLandmarks Locate(RgbImage image, DetectedFace face);
}
