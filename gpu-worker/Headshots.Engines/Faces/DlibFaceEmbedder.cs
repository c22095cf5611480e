using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Headshots.Models.Dlib;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Engines.Faces;

/// <summary>dlib's face recognition ResNet on the aligned 150 px chip; the model does dlib's own input scaling.</summary>
public sealed class DlibFaceEmbedder(OnnxModels models) : IFaceEmbedder
{
    public FaceEmbedding Embed(RgbImage image, FaceLandmarks landmarks)
    {
        var source = AffineSampler.Prescaled(image, FaceChip.ChipToImage(landmarks), out var chipToSource);
        var input = new DenseTensor<float>([1, FaceChip.Size, FaceChip.Size, 3]);
        AffineSampler.Sample(source, chipToSource, FaceChip.Size, FaceChip.Size, input.Buffer.Span, 1f, 0f);
        var session = models.Session(ModelIds.FaceEmbedding);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(DlibResNetConverter.InputName, input)]);
        return new FaceEmbedding(results.Single().AsTensor<float>().ToArray());
    }
}
