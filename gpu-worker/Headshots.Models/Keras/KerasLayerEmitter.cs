using Headshots.Models.Onnx;

namespace Headshots.Models.Keras;

/// <summary>
/// Writes one call of one Keras layer into the graph. Tensors are NCHW inside the graph, so every layer that names an
/// axis (Concatenate) or a weight layout (Conv2D, PReLU) is translated from channels-last here.
/// </summary>
/// <param name="deferredUpSamplings">UpSampling2D layers that their one consumer, a convolution, performs (<see cref="KerasSubpixelConv"/>).</param>
internal sealed class KerasLayerEmitter(OnnxGraph graph, KerasLayerWeights weights, IReadOnlySet<string> deferredUpSamplings)
{
    public KerasValue Emit(KerasLayer layer, IReadOnlyList<KerasValue> inputs)
    {
        if (deferredUpSamplings.Contains(layer.Name))
        {
            return Single(layer, inputs) with { UpsampledBy = layer.Pair("size", 2).Height };
        }

        if (layer.ClassName is not ("Conv2D" or "Convolution2D") && inputs.Any(i => i.UpsampledBy != 1))
        {
            throw new InvalidOperationException($"Layer '{layer.Name}' reads an up-sampling that was deferred into a convolution.");
        }

        // The model's output is renamed to "output" at the end; a layer of that name must not take it first.
        var hint = layer.Name is "input" or "output" ? $"{layer.Name}_layer" : layer.Name;
        return layer.ClassName switch
        {
            "Conv2D" or "Convolution2D" => KerasConv2D.Emit(graph, layer, hint, Single(layer, inputs), weights),
            "Activation" => Same(inputs, KerasActivations.Apply(graph, Single(layer, inputs).Tensor, layer.String("activation", "linear"), hint)),
            "ReLU" => Relu(layer, hint, Single(layer, inputs)),
            "LeakyReLU" => Same(inputs, graph.Node("LeakyRelu", [Single(layer, inputs).Tensor], hint,
                OnnxAttribute.Of("alpha", layer.Float("negative_slope") ?? layer.Float("alpha") ?? 0.3f))),
            "PReLU" => PRelu(layer, hint, Single(layer, inputs)),
            "Concatenate" => Concatenate(layer, hint, inputs),
            "Add" => Same(inputs, graph.Node(inputs.Count == 2 ? "Add" : "Sum", Tensors(layer, inputs, 2), hint)),
            "Subtract" => Same(inputs, graph.Node("Sub", Tensors(layer, inputs, 2, exactly: true), hint)),
            "Multiply" => Same(inputs, graph.Node("Mul", MulChain(layer, hint, inputs), hint)),
            "Maximum" => Same(inputs, graph.Node("Max", Tensors(layer, inputs, 2), hint)),
            "Minimum" => Same(inputs, graph.Node("Min", Tensors(layer, inputs, 2), hint)),
            "Average" => Same(inputs, graph.Node("Mul", [graph.Node("Sum", Tensors(layer, inputs, 2), $"{hint}_sum"),
                graph.Constant($"{hint}_scale", 1f / inputs.Count)], hint)),
            "UpSampling2D" => Same(inputs, UpSampling(layer, hint, Single(layer, inputs))),
            // Inference-time no-ops: they only act while training.
            "Dropout" or "SpatialDropout2D" or "GaussianNoise" or "GaussianDropout" or "ActivityRegularization" => Single(layer, inputs),
            "Lambda" => throw new ModelConversionException(
                $"Layer '{layer.Name}' is a Lambda layer: its body is Python code that the TF.js file does not carry, so it cannot be converted."),
            _ => throw new ModelConversionException($"Layer '{layer.Name}' has the Keras class '{layer.ClassName}', which the converter does not support."),
        };
    }

    private KerasValue Relu(KerasLayer layer, string hint, KerasValue input)
    {
        if (layer.Float("threshold") is { } threshold && threshold != 0f)
        {
            throw new ModelConversionException($"Layer '{layer.Name}' (ReLU) has threshold {threshold}; only 0 is supported.");
        }

        var slope = layer.Float("negative_slope") ?? 0f;
        var relu = slope == 0f
            ? graph.Node("Relu", [input.Tensor], hint)
            : graph.Node("LeakyRelu", [input.Tensor], hint, OnnxAttribute.Of("alpha", slope));
        return layer.Float("max_value") is { } max
            ? input with { Tensor = graph.Node("Min", [relu, graph.Constant($"{hint}_max", max)], $"{hint}_max") }
            : input with { Tensor = relu };
    }

    private KerasValue PRelu(KerasLayer layer, string hint, KerasValue input)
    {
        var alpha = weights.Require(layer, "alpha");
        if (alpha.Shape.Length != 3)
        {
            throw new ModelConversionException($"Weight '{alpha.Name}' of PReLU layer '{layer.Name}' has rank {alpha.Shape.Length}; an image PReLU has [H, W, C].");
        }

        // [H, W, C] (H and W are 1 on shared axes) becomes [C, H, W], which broadcasts against NCHW.
        var (h, w, c) = (alpha.Shape[0], alpha.Shape[1], alpha.Shape[2]);
        var hwc = alpha.RequireFloats();
        var chw = new float[hwc.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var ch = 0; ch < c; ch++)
                {
                    chw[(((ch * h) + y) * w) + x] = hwc[(((y * w) + x) * c) + ch];
                }
            }
        }

        var slope = graph.Constant($"{layer.Name}/alpha", chw, c, h, w);
        return input with { Tensor = graph.Node("PRelu", [input.Tensor, slope], hint) };
    }

    private KerasValue Concatenate(KerasLayer layer, string hint, IReadOnlyList<KerasValue> inputs)
    {
        var axis = layer.Int("axis", -1);
        var nchwAxis = (axis < 0 ? axis + 4 : axis) switch
        {
            0 => 0,
            1 => 2,
            2 => 3,
            3 => 1,
            _ => throw new ModelConversionException($"Layer '{layer.Name}' (Concatenate) has axis {axis}; image tensors have 4 axes."),
        };
        var tensor = graph.Node("Concat", Tensors(layer, inputs, 1), hint, OnnxAttribute.Of("axis", (long)nchwAxis));
        int? channels = nchwAxis == 1
            ? inputs.All(i => i.Channels.HasValue) ? inputs.Sum(i => i.Channels!.Value) : null
            : inputs[0].Channels;
        return new KerasValue(tensor, channels);
    }

    private string UpSampling(KerasLayer layer, string hint, KerasValue input)
    {
        layer.RequireChannelsLast();
        var interpolation = layer.String("interpolation", "nearest");
        if (interpolation != "nearest")
        {
            // Keras and TF.js disagree on bilinear pixel centres; a converted model would differ from one of them.
            throw new ModelConversionException($"Layer '{layer.Name}' (UpSampling2D) uses '{interpolation}' interpolation; only 'nearest' is supported.");
        }

        var (sh, sw) = layer.Pair("size", 2);
        var scales = graph.Constant($"{hint}_scales", [1f, 1f, sh, sw], 4);
        // Asymmetric coordinates with floor make each output pixel copy input pixel (y / s, x / s): Keras's repeat.
        return graph.Node("Resize", [input.Tensor, string.Empty, scales], hint,
            OnnxAttribute.Of("mode", "nearest"),
            OnnxAttribute.Of("coordinate_transformation_mode", "asymmetric"),
            OnnxAttribute.Of("nearest_mode", "floor"));
    }

    private string[] MulChain(KerasLayer layer, string hint, IReadOnlyList<KerasValue> inputs)
    {
        var tensors = Tensors(layer, inputs, 2);
        var product = tensors[0];
        for (var i = 1; i < tensors.Length - 1; i++)
        {
            product = graph.Node("Mul", [product, tensors[i]], $"{hint}_{i}");
        }

        return [product, tensors[^1]];
    }

    private static KerasValue Same(IReadOnlyList<KerasValue> inputs, string tensor) =>
        new(tensor, inputs.Select(i => i.Channels).FirstOrDefault(c => c.HasValue));

    private static KerasValue Single(KerasLayer layer, IReadOnlyList<KerasValue> inputs) =>
        inputs.Count == 1
            ? inputs[0]
            : throw new ModelConversionException($"Layer '{layer.Name}' ({layer.ClassName}) takes one input but is called with {inputs.Count}.");

    private static string[] Tensors(KerasLayer layer, IReadOnlyList<KerasValue> inputs, int atLeast, bool exactly = false)
    {
        if (inputs.Count < atLeast || (exactly && inputs.Count != atLeast))
        {
            throw new ModelConversionException(
                $"Layer '{layer.Name}' ({layer.ClassName}) takes {(exactly ? "exactly" : "at least")} {atLeast} inputs but is called with {inputs.Count}.");
        }

        return inputs.Select(i => i.Tensor).ToArray();
    }
}
