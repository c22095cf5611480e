using Headshots.Models.Onnx;

namespace Headshots.Models.Keras;

/// <summary>Keras Conv2D (channels-last kernel <c>[kh, kw, in, out]</c>) as an ONNX Conv (<c>[out, in, kh, kw]</c>) plus its activation.</summary>
internal static class KerasConv2D
{
    public static KerasValue Emit(OnnxGraph graph, KerasLayer layer, string hint, KerasValue input, KerasLayerWeights weights)
    {
        layer.RequireChannelsLast();
        var filters = layer.Int("filters", 0);
        var (kh, kw) = layer.Pair("kernel_size", 0);
        var (sh, sw) = layer.Pair("strides", 1);
        var (dh, dw) = layer.Pair("dilation_rate", 1);
        var groups = layer.Int("groups", 1);
        if (filters <= 0 || kh <= 0 || kw <= 0 || sh <= 0 || sw <= 0 || dh <= 0 || dw <= 0 || groups <= 0)
        {
            throw new ModelConversionException($"Layer '{layer.Name}' (Conv2D) has a non-positive filters, kernel_size, strides, dilation_rate or groups.");
        }

        var kernel = weights.Require(layer, "kernel");
        if (kernel.Shape.Length != 4 || kernel.Shape[0] != kh || kernel.Shape[1] != kw || kernel.Shape[3] != filters)
        {
            throw new ModelConversionException(
                $"Weight '{kernel.Name}' has shape [{string.Join(',', kernel.Shape)}] but layer '{layer.Name}' needs [{kh},{kw},in,{filters}].");
        }

        var inPerGroup = kernel.Shape[2];
        if (input.Channels is { } channels && channels != inPerGroup * groups)
        {
            throw new ModelConversionException(
                $"Layer '{layer.Name}' (Conv2D) receives {channels} channels but its kernel expects {inPerGroup * groups}.");
        }

        var oihw = ToOihw(kernel.RequireFloats(), kh, kw, inPerGroup, filters);
        var bias = layer.Bool("use_bias", true) ? weights.Require(layer, "bias", filters).RequireFloats() : null;
        var activation = layer.String("activation", "linear");
        if (input.UpsampledBy > 1)
        {
            var subpixel = KerasSubpixelConv.Emit(graph, layer, hint, input.Tensor, input.UpsampledBy, oihw, bias, filters, inPerGroup, kh);
            return new KerasValue(KerasActivations.Apply(graph, subpixel, activation, layer.Name), filters);
        }

        var inputs = new List<string> { input.Tensor, graph.Constant($"{layer.Name}/kernel", oihw, filters, inPerGroup, kh, kw) };
        if (bias is not null)
        {
            inputs.Add(graph.Constant($"{layer.Name}/bias", bias, filters));
        }

        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Of("kernel_shape", kh, (long)kw),
            OnnxAttribute.Of("strides", sh, (long)sw),
            OnnxAttribute.Of("dilations", dh, (long)dw),
            OnnxAttribute.Of("group", (long)groups),
        };
        attributes.Add(Padding(layer, kh, kw, sh, sw, dh, dw));

        var conv = graph.Node("Conv", [.. inputs], hint, [.. attributes]);
        return new KerasValue(KerasActivations.Apply(graph, conv, activation, layer.Name), filters);
    }

    private static OnnxAttribute Padding(KerasLayer layer, int kh, int kw, int sh, int sw, int dh, int dw)
    {
        var padding = layer.String("padding", "valid");
        switch (padding)
        {
            case "valid":
                return OnnxAttribute.Of("pads", 0L, 0, 0, 0);
            case "same" when sh == 1 && sw == 1:
                // TensorFlow puts the odd pixel of an even kernel's padding at the end; with stride 1 the amount is fixed.
                var th = dh * (kh - 1);
                var tw = dw * (kw - 1);
                return OnnxAttribute.Of("pads", th / 2, (long)(tw / 2), th - (th / 2), tw - (tw / 2));
            case "same":
                // With strides the padding depends on the input size, which ONNX Runtime works out the TensorFlow way for SAME_UPPER.
                return OnnxAttribute.Of("auto_pad", "SAME_UPPER");
            default:
                throw new ModelConversionException($"Layer '{layer.Name}' (Conv2D) uses padding '{padding}'; only 'same' and 'valid' are supported.");
        }
    }

    private static float[] ToOihw(float[] hwio, int kh, int kw, int inputs, int outputs)
    {
        var oihw = new float[hwio.Length];
        for (var y = 0; y < kh; y++)
        {
            for (var x = 0; x < kw; x++)
            {
                for (var i = 0; i < inputs; i++)
                {
                    for (var o = 0; o < outputs; o++)
                    {
                        oihw[(((o * inputs) + i) * kh + y) * kw + x] = hwio[(((y * kw) + x) * inputs + i) * outputs + o];
                    }
                }
            }
        }

        return oihw;
    }
}
