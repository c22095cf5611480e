using Headshots.Engines.Imaging;

namespace Headshots.Engines.Faces;

/// <summary>
/// Detector, mesh and embedder together, as every stage uses them: find the faces, confirm each with the mesh
/// model's own face score (the detector alone also fires on some textures), and describe the largest.
/// </summary>
public sealed class FaceAnalyser(IFaceDetector detector, IFaceLandmarker landmarker, IFaceEmbedder embedder)
{
    /// <summary>Photos are analysed at this long edge: plenty for a face, and a fixed cost whatever the upload.</summary>
    public const int AnalysisEdge = 1024;

    /// <summary>Below this mesh score a detection is not treated as a face.</summary>
    public const float MinMeshConfidence = 0.5f;

    /// <summary>Faces beyond this many (a crowd behind the person) are counted by the detector but not meshed.</summary>
    private const int MaxMeshedFaces = 4;

    /// <summary>The ONNX engines on shared sessions: what the worker registers, for tools that run without it.</summary>
    public static FaceAnalyser On(Onnx.OnnxModels models) =>
        new(new BlazeFaceDetector(models), new FaceMeshLandmarker(models), new DlibFaceEmbedder(models));

    public FaceAnalysis Analyse(byte[] encoded) => Analyse(RgbImage.Decode(encoded, AnalysisEdge));

    public FaceAnalysis Analyse(RgbImage image)
    {
        var faces = new List<AnalysedFace>();
        foreach (var detection in detector.Detect(image).Take(MaxMeshedFaces))
        {
            var landmarks = landmarker.Locate(image, detection);
            if (landmarks.Confidence < MinMeshConfidence)
            {
                continue;
            }

            var embedding = faces.Count == 0 ? embedder.Embed(image, landmarks) : null;
            faces.Add(new AnalysedFace(detection, landmarks, embedding));
        }

        return new FaceAnalysis(image.Width, image.Height, faces);
    }
}
