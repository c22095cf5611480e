namespace Headshots.Engines.Faces;

/// <summary>Every confirmed face of a photo, largest first, with the size of the image they were found in.</summary>
public sealed record FaceAnalysis(int ImageWidth, int ImageHeight, IReadOnlyList<AnalysedFace> Faces)
{
    public AnalysedFace? Main => Faces.Count > 0 ? Faces[0] : null;
}
