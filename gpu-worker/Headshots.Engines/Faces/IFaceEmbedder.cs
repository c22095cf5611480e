using Headshots.Engines.Imaging;

namespace Headshots.Engines.Faces;

/// <summary>Describes who a face is, as a vector: close vectors, same person.</summary>
public interface IFaceEmbedder
{
    FaceEmbedding Embed(RgbImage image, FaceLandmarks landmarks);
}
