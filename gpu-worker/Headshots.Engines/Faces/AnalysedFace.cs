namespace Headshots.Engines.Faces;

/// <summary>A face with its mesh; the embedding is computed for the main face of a photo only.</summary>
public sealed record AnalysedFace(DetectedFace Detection, FaceLandmarks Landmarks, FaceEmbedding? Embedding);
