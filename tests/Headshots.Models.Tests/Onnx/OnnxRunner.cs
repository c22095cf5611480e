using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Models.Tests.Onnx;

/// <summary>Runs a converted model in ONNX Runtime on one float input and returns every float output.</summary>
internal static class OnnxRunner
{
    public static Dictionary<string, (float[] Values, int[] Shape)> Run(byte[] model, params (string Name, float[] Values, int[] Shape)[] inputs)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        var feeds = inputs.Select(i => NamedOnnxValue.CreateFromTensor(i.Name, new DenseTensor<float>(i.Values, i.Shape))).ToList();
        using var results = session.Run(feeds);
        return results.ToDictionary(
            r => r.Name,
            r =>
            {
                var tensor = r.AsTensor<float>();
                return (tensor.ToArray(), tensor.Dimensions.ToArray());
            });
    }
}
