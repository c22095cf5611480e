namespace Headshots.Engines.Onnx;

/// <summary>The ids of <c>models/manifest.json</c> that the engines load.</summary>
public static class ModelIds
{
    public const string BlazeFaceFront = "blazeface-front";
    public const string BlazeFaceBack = "blazeface-back";
    public const string FaceMesh = "facemesh";
    public const string Selfie = "selfie";
    public const string FaceEmbedding = "dlib-resnet";
    public const string Esrgan = "esrgan-slim-x4";
}
