using Headshots.Models.Onnx;

namespace Headshots.Models.Keras;

/// <summary>Keras activation names (the <c>activation</c> setting of Conv2D, Dense and Activation layers) as ONNX nodes.</summary>
internal static class KerasActivations
{
    /// <param name="x">An NCHW tensor, so Keras's channel axis (-1) is ONNX axis 1.</param>
    public static string Apply(OnnxGraph graph, string x, string activation, string layerName)
    {
        var name = $"{layerName}_{activation}";
        switch (activation)
        {
            case "linear":
                return x;
            case "relu":
                return graph.Node("Relu", [x], name);
            case "relu6":
                return graph.Node("Clip", [x, graph.Constant($"{name}_min", 0f), graph.Constant($"{name}_max", 6f)], name);
            case "sigmoid":
                return graph.Node("Sigmoid", [x], name);
            case "hard_sigmoid":
                // Keras 2 defines it as clip(0.2x + 0.5, 0, 1); ONNX's defaults are the same numbers.
                return graph.Node("HardSigmoid", [x], name, OnnxAttribute.Of("alpha", 0.2f), OnnxAttribute.Of("beta", 0.5f));
            case "tanh":
                return graph.Node("Tanh", [x], name);
            case "elu":
                return graph.Node("Elu", [x], name);
            case "selu":
                return graph.Node("Selu", [x], name);
            case "softplus":
                return graph.Node("Softplus", [x], name);
            case "softsign":
                return graph.Node("Softsign", [x], name);
            case "swish" or "silu":
                return graph.Node("Mul", [x, graph.Node("Sigmoid", [x], $"{name}_gate")], name);
            case "softmax":
                return graph.Node("Softmax", [x], name, OnnxAttribute.Of("axis", 1L));
            default:
                throw new ModelConversionException($"Layer '{layerName}' uses the activation '{activation}', which is not supported.");
        }
    }
}
