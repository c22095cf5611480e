using System.Numerics;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Engines.Segmentation;

/// <summary>
/// MediaPipe selfie segmentation: the whole image squeezed to 256×256 (the model was trained on stretched frames),
/// a person probability per cell, then guided upsampling to the image's full resolution.
/// </summary>
public sealed class SelfieSegmenter(OnnxModels models) : IPersonSegmenter
{
    private const int Resolution = 256;

    public PersonMask Segment(RgbImage image)
    {
        var coarse = CoarseMask(image);
        return GuidedUpsampler.Upsample(image, coarse, Resolution, Resolution);
    }

    /// <summary>The model's own 256×256 mask, values 0–1.</summary>
    public float[] CoarseMask(RgbImage image)
    {
        // Stretched to the model's square by the managed triangle filter (parallel; a delivery render is megapixels).
        var small = image.Width >= Resolution && image.Height >= Resolution
            ? LanczosResampler.ReduceWithTriangle(image, Resolution, Resolution)
            : image.Resized(Resolution, Resolution);
        var input = new DenseTensor<float>([1, Resolution, Resolution, 3]);
        AffineSampler.Sample(small, Matrix3x2.Identity, Resolution, Resolution, input.Buffer.Span, 1f / 255f, 0f);
        var session = models.Session(ModelIds.Selfie);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
        return results.Single().AsTensor<float>().ToArray();
    }
}
