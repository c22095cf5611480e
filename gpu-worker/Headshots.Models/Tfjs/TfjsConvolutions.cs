using Headshots.Models.Onnx;

namespace Headshots.Models.Tfjs;

/// <summary>
/// Window ops. ONNX defines them on NCHW, so each one is wrapped in a pair of transposes; ONNX Runtime's
/// optimiser cancels the transposes that meet between two such ops.
/// </summary>
internal static class TfjsConvolutions
{
    public static TfjsValue Conv2D(TfjsConversion c, TfjsNode node)
    {
        var x = c.Value(node.Input(0));
        var input = x.RequireRank(4, node);
        var filter = c.Weight(node.Input(1));
        var (weights, shape) = TfjsFilters.SwapToFront(filter);

        // A filter with fewer input channels than the data makes TensorFlow run a grouped convolution.
        var group = input[3] > 0 && input[3] != shape[1] && input[3] % shape[1] == 0 ? input[3] / shape[1] : 1;
        return Convolve(c, node, x, weights, shape, group);
    }

    public static TfjsValue Depthwise(TfjsConversion c, TfjsNode node)
    {
        var x = c.Value(node.Input(0));
        x.RequireRank(4, node);
        var filter = c.Weight(node.Input(1));
        var (weights, shape) = TfjsFilters.Depthwise(filter);
        return Convolve(c, node, x, weights, shape, group: filter.Shape[2]);
    }

    /// <summary>
    /// Conv2DBackpropInput, the gradient of a convolution with respect to its input, is ONNX's ConvTranspose.
    /// Its first input gives the output size; the pads are those the forward convolution would have used.
    /// </summary>
    public static TfjsValue Transposed(TfjsConversion c, TfjsNode node)
    {
        var outputSize = c.Ints(node.Input(0));
        var filter = c.Weight(node.Input(1));
        var x = c.Value(node.Input(2));
        var input = x.RequireRank(4, node);
        if (outputSize.Length != 4 || filter.Shape.Length != 4)
        {
            throw new ModelConversionException($"{node} needs a 4-value output size and a rank-4 filter.");
        }

        var window = TfjsWindow.Read(node, filter.Shape[0], filter.Shape[1]);
        var pads = new long[4];
        var outputPadding = new long[2];
        for (var axis = 0; axis < 2; axis++)
        {
            long output = outputSize[axis + 1];
            var (before, after) = window.ExplicitPads is { } given ? (given[axis], given[axis + 2])
                : window.Padding == "SAME" ? window.SamePads(output, axis)
                : (0L, 0L);
            pads[axis] = before;
            pads[axis + 2] = after;

            // The forward convolution's output may have dropped trailing pixels (stride > 1); ONNX gets them back
            // as output padding, which TensorFlow fills with what the data contributes there: nothing.
            var inputSize = input[axis + 1] >= 0 ? input[axis + 1] : window.OutputSize(output, axis);
            var full = ((inputSize - 1) * window.Strides[axis]) + window.EffectiveKernel(axis) - before - after;
            outputPadding[axis] = output - full;
            if (outputPadding[axis] < 0 || outputPadding[axis] >= Math.Max(window.Strides[axis], window.Dilations[axis]))
            {
                throw new ModelConversionException($"{node} asks for output size {output} from input size {inputSize}, which its window cannot give.");
            }
        }

        var (weights, shape) = TfjsFilters.SwapToFront(filter);
        var hint = c.Hint(node.Name);
        var nchw = c.ToNchw(x, hint);
        var conv = c.Graph.Node("ConvTranspose", [nchw.Name, c.Graph.Constant(hint + "_filter", weights, shape)], hint + "_conv",
            OnnxAttribute.Of("kernel_shape", window.Kernel),
            OnnxAttribute.Of("strides", window.Strides),
            OnnxAttribute.Of("dilations", window.Dilations),
            OnnxAttribute.Of("pads", pads),
            OnnxAttribute.Of("output_padding", outputPadding));
        return new TfjsValue(c.ToNhwc(new TfjsValue(conv, null), hint).Name, [input[0], outputSize[1], outputSize[2], filter.Shape[2]]);
    }

    public static TfjsValue Pool(TfjsConversion c, TfjsNode node, string onnxOp)
    {
        var x = c.Value(node.Input(0));
        var input = x.RequireRank(4, node);
        var window = TfjsWindow.ReadPool(node);
        var attributes = window.PoolAttributes(input[1], input[2]).ToList();
        if (onnxOp == "AveragePool")
        {
            // TensorFlow averages over the pixels inside the image only, never over padding.
            attributes.Add(OnnxAttribute.Of("count_include_pad", 0L));
        }

        var hint = c.Hint(node.Name);
        var pooled = c.Graph.Node(onnxOp, [c.ToNchw(x, hint).Name], hint + "_pool", attributes.ToArray());
        return new TfjsValue(c.ToNhwc(new TfjsValue(pooled, null), hint).Name,
            [input[0], window.OutputSize(input[1], 0), window.OutputSize(input[2], 1), input[3]]);
    }

    /// <summary>
    /// The convolution itself, then what a fused node adds: a bias (given to Conv, which adds it for free) and
    /// at most one activation. TF.js counts the bias and PReLU's slope in <c>num_args</c>.
    /// </summary>
    private static TfjsValue Convolve(TfjsConversion c, TfjsNode node, TfjsValue x, float[] weights, long[] filterShape, long group)
    {
        var input = x.Shape!;
        var fused = node.Texts("fused_ops");
        var extra = node.Inputs.Skip(2).ToArray();
        var used = 0;
        string? bias = null;
        string? activation = null;
        string? alpha = null;
        for (var i = 0; i < fused.Count; i++)
        {
            switch (fused[i])
            {
                case "BiasAdd" when i == 0 && used < extra.Length:
                    bias = c.Value(extra[used++]).Name;
                    break;
                case "Prelu" when i == fused.Count - 1 && used < extra.Length:
                    activation = fused[i];
                    alpha = extra[used++];
                    break;
                case "Relu" or "Relu6" or "Elu" or "Sigmoid" or "Tanh" or "LeakyRelu" when i == fused.Count - 1:
                    activation = fused[i];
                    break;
                default:
                    throw new ModelConversionException($"{node} fuses [{string.Join(", ", fused)}] with {extra.Length} extra inputs; only a BiasAdd followed by one activation is supported.");
            }
        }

        if (used != extra.Length || (fused.Count > 0 && node.Int("num_args", used) != used))
        {
            throw new ModelConversionException($"{node} has {extra.Length} extra inputs and num_args {node.Int("num_args", 0)} for fused ops [{string.Join(", ", fused)}].");
        }

        var window = TfjsWindow.Read(node, filterShape[2], filterShape[3]);
        var hint = c.Hint(node.Name);
        var inputs = new List<string> { c.ToNchw(x, hint).Name, c.Graph.Constant(hint + "_filter", weights, filterShape) };
        if (bias is not null)
        {
            inputs.Add(bias);
        }

        var attributes = window.ConvAttributes(input[1], input[2]).Append(OnnxAttribute.Of("group", group)).ToArray();
        var conv = c.Graph.Node("Conv", inputs.ToArray(), hint + "_conv", attributes);
        var outputShape = new[] { input[0], window.OutputSize(input[1], 0), window.OutputSize(input[2], 1), filterShape[0] };
        var result = new TfjsValue(c.ToNhwc(new TfjsValue(conv, null), activation is null ? hint : hint + "_nhwc").Name, outputShape);
        return activation is null ? result : TfjsOps.Activate(c, node, activation, result, hint, alpha);
    }
}
