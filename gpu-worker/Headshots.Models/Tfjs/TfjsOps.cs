using Headshots.Models.Onnx;

namespace Headshots.Models.Tfjs;

/// <summary>
/// Maps TensorFlow ops to ONNX ops. Every value keeps TensorFlow's NHWC layout, so element-wise and shape ops
/// map one to one; window ops, which ONNX defines on NCHW, live in <see cref="TfjsConvolutions"/>.
/// </summary>
internal static class TfjsOps
{
    public static TfjsValue Convert(TfjsConversion c, TfjsNode node) => node.Op switch
    {
        "Identity" => c.Value(node.Input(0)),
        "Relu" or "Relu6" or "Elu" or "Sigmoid" or "Tanh" or "LeakyRelu" => Activate(c, node, node.Op, c.Value(node.Input(0)), c.Hint(node.Name)),
        "Prelu" => Activate(c, node, node.Op, c.Value(node.Input(0)), c.Hint(node.Name), node.Input(1)),
        "Add" or "AddV2" or "BiasAdd" => Binary(c, node, "Add"),
        "Sub" => Binary(c, node, "Sub"),
        "Mul" => Binary(c, node, "Mul"),
        "AddN" => AddN(c, node),
        "Pad" or "PadV2" => Pad(c, node),
        "Reshape" => Reshape(c, node),
        "ConcatV2" => Concat(c, node),
        "Mean" => Mean(c, node),
        "ResizeBilinear" => ResizeBilinear(c, node),
        "Conv2D" or "_FusedConv2D" => TfjsConvolutions.Conv2D(c, node),
        "DepthwiseConv2dNative" or "FusedDepthwiseConv2dNative" => TfjsConvolutions.Depthwise(c, node),
        "Conv2DBackpropInput" => TfjsConvolutions.Transposed(c, node),
        "MaxPool" => TfjsConvolutions.Pool(c, node, "MaxPool"),
        "AvgPool" => TfjsConvolutions.Pool(c, node, "AveragePool"),
        _ => throw new ModelConversionException($"Op '{node.Op}' of node '{node.Name}' is not supported by the TF.js graph converter."),
    };

    /// <summary>
    /// An activation, standing alone or fused into a convolution. <paramref name="alpha"/> is PReLU's slope tensor;
    /// TensorFlow keeps it channel-last ([1, 1, C] or [C]), which broadcasts over NHWC as it is.
    /// </summary>
    public static TfjsValue Activate(TfjsConversion c, TfjsNode node, string op, TfjsValue x, string hint, string? alpha = null)
    {
        var graph = c.Graph;
        var name = op switch
        {
            "Relu" => graph.Node("Relu", [x.Name], hint),
            "Relu6" => graph.Node("Clip", [x.Name, graph.Constant(hint + "_min", 0f), graph.Constant(hint + "_max", 6f)], hint),
            "Elu" => graph.Node("Elu", [x.Name], hint, OnnxAttribute.Of("alpha", 1f)),
            "Sigmoid" => graph.Node("Sigmoid", [x.Name], hint),
            "Tanh" => graph.Node("Tanh", [x.Name], hint),

            // A standalone LeakyRelu calls its slope 'alpha'; a fused one 'leakyrelu_alpha'. Both default to 0.2.
            "LeakyRelu" => graph.Node("LeakyRelu", [x.Name], hint,
                OnnxAttribute.Of("alpha", node.Float(node.Op == "LeakyRelu" ? "alpha" : "leakyrelu_alpha", 0.2f))),
            "Prelu" when alpha is not null => graph.Node("PRelu", [x.Name, c.Value(alpha).Name], hint),
            _ => throw new ModelConversionException($"{node} uses activation '{op}', which is not supported."),
        };
        return x with { Name = name };
    }

    private static TfjsValue Binary(TfjsConversion c, TfjsNode node, string onnxOp)
    {
        if (node.Op == "BiasAdd" && (node.Text("data_format") ?? "NHWC") != "NHWC")
        {
            throw new ModelConversionException($"{node} adds its bias to NCHW data; TF.js models are NHWC.");
        }

        var a = c.Value(node.Input(0));
        var b = c.Value(node.Input(1));
        return new TfjsValue(c.Graph.Node(onnxOp, [a.Name, b.Name], c.Hint(node.Name)), Broadcast(node, a.Shape, b.Shape));
    }

    private static TfjsValue AddN(TfjsConversion c, TfjsNode node)
    {
        var terms = node.Inputs.Select(c.Value).ToArray();
        if (terms.Length == 1)
        {
            return terms[0];
        }

        var shape = terms.Skip(1).Aggregate(terms[0].Shape, (s, t) => Broadcast(node, s, t.Shape));
        return new TfjsValue(c.Graph.Node("Sum", terms.Select(t => t.Name).ToArray(), c.Hint(node.Name)), shape);
    }

    private static TfjsValue Pad(TfjsConversion c, TfjsNode node)
    {
        var x = c.Value(node.Input(0));
        var pairs = c.Weight(node.Input(1));
        var values = pairs.RequireInts();
        var rank = pairs.Shape.Length == 2 && pairs.Shape[1] == 2 ? pairs.Shape[0] : -1;
        if (rank < 0 || (x.Shape is { } s && s.Length != rank))
        {
            throw new ModelConversionException($"{node} has paddings of shape [{string.Join(',', pairs.Shape)}] for an input of shape {TfjsValue.Describe(x.Shape)}.");
        }

        // TensorFlow pairs (before, after) per axis; ONNX lists every 'before' and then every 'after'.
        var pads = Enumerable.Range(0, rank).Select(i => (long)values[2 * i])
            .Concat(Enumerable.Range(0, rank).Select(i => (long)values[(2 * i) + 1])).ToArray();
        var inputs = new List<string> { x.Name, c.Graph.Int64s(c.Hint(node.Name) + "_pads", pads) };
        if (node.Op == "PadV2")
        {
            inputs.Add(c.Value(node.Input(2)).Name);
        }

        var shape = x.Shape?.Select((d, i) => d < 0 ? -1 : d + pads[i] + pads[rank + i]).ToArray();
        return new TfjsValue(c.Graph.Node("Pad", inputs.ToArray(), c.Hint(node.Name), OnnxAttribute.Of("mode", "constant")), shape);
    }

    private static TfjsValue Reshape(TfjsConversion c, TfjsNode node)
    {
        var x = c.Value(node.Input(0));
        var target = c.Ints(node.Input(1)).Select(d => (long)d).ToArray();

        // ONNX reads a 0 as 'keep this dimension', TensorFlow as an empty dimension.
        if (target.Any(d => d == 0 || d < -1) || target.Count(d => d == -1) > 1)
        {
            throw new ModelConversionException($"{node} reshapes to [{string.Join(',', target)}], which has no ONNX equivalent.");
        }

        var shape = (long[])target.Clone();
        var known = target.Where(d => d > 0).Aggregate(1L, (p, d) => p * d);
        if (Array.IndexOf(target, -1L) is var free and >= 0 && x.Shape is { } input && input.All(d => d >= 0))
        {
            shape[free] = OnnxGraph.ShapeSize(input) / known;
        }

        var name = c.Graph.Node("Reshape", [x.Name, c.Graph.Int64s(c.Hint(node.Name) + "_shape", target)], c.Hint(node.Name));
        return new TfjsValue(name, shape);
    }

    private static TfjsValue Concat(TfjsConversion c, TfjsNode node)
    {
        // ConcatV2 takes its axis as the last input.
        var parts = node.Inputs.Take(node.Inputs.Count - 1).Select(c.Value).ToArray();
        var axis = (long)c.Ints(node.Inputs[^1]).Single();
        var rank = parts.Select(p => p.Rank).FirstOrDefault(r => r >= 0, -1);
        if (axis < 0 && rank < 0)
        {
            throw new ModelConversionException($"{node} concatenates along axis {axis} of inputs of unknown rank.");
        }

        axis = axis < 0 ? axis + rank : axis;
        long[]? shape = null;
        if (parts.All(p => p.Rank == rank) && rank >= 0)
        {
            shape = (long[])parts[0].Shape!.Clone();
            shape[axis] = parts.Any(p => p.Dim((int)axis) < 0) ? -1 : parts.Sum(p => p.Dim((int)axis));
        }

        return new TfjsValue(
            c.Graph.Node("Concat", parts.Select(p => p.Name).ToArray(), c.Hint(node.Name), OnnxAttribute.Of("axis", axis)), shape);
    }

    private static TfjsValue Mean(TfjsConversion c, TfjsNode node)
    {
        var x = c.Value(node.Input(0));
        var axes = c.Ints(node.Input(1)).Select(a => (long)a).ToArray();
        var keep = node.Bool("keep_dims", false);
        long[]? shape = null;
        if (x.Shape is { } input)
        {
            var reduced = axes.Select(a => a < 0 ? a + input.Length : a).ToHashSet();
            shape = input.Select((d, i) => reduced.Contains(i) ? (keep ? 1 : -2) : d).Where(d => d != -2).ToArray();
        }

        var name = c.Graph.Node("ReduceMean", [x.Name], c.Hint(node.Name), OnnxAttribute.Of("axes", axes), OnnxAttribute.Of("keepdims", keep ? 1L : 0L));
        return new TfjsValue(name, shape);
    }

    private static TfjsValue ResizeBilinear(TfjsConversion c, TfjsNode node)
    {
        var alignCorners = node.Bool("align_corners", false);
        var halfPixel = node.Bool("half_pixel_centers", false);
        if (alignCorners && halfPixel)
        {
            throw new ModelConversionException($"{node} sets both align_corners and half_pixel_centers, which TensorFlow rejects.");
        }

        // TensorFlow's half-pixel bilinear clamps source coordinates to the image, as ONNX Runtime's does.
        var mode = alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric";
        var x = c.Value(node.Input(0));
        var input = x.RequireRank(4, node);
        var size = c.Ints(node.Input(1));
        if (size.Length != 2)
        {
            throw new ModelConversionException($"{node} resizes to {size.Length} sizes; height and width were expected.");
        }

        // ONNX wants all four output sizes; batch and channels are copied from the input at run time.
        var hint = c.Hint(node.Name);
        var graph = c.Graph;
        var nchw = c.ToNchw(x, hint);
        var batchAndChannels = graph.Node("Slice", [graph.Node("Shape", [nchw.Name], hint + "_shape"), graph.Int64s(hint + "_start", 0), graph.Int64s(hint + "_end", 2)], hint + "_nc");
        var sizes = graph.Node("Concat", [batchAndChannels, graph.Int64s(hint + "_hw", size[0], size[1])], hint + "_sizes", OnnxAttribute.Of("axis", 0L));
        var resized = graph.Node("Resize", [nchw.Name, string.Empty, string.Empty, sizes], hint + "_resize",
            OnnxAttribute.Of("mode", "linear"), OnnxAttribute.Of("coordinate_transformation_mode", mode));
        return new TfjsValue(c.ToNhwc(new TfjsValue(resized, null), hint).Name, [input[0], size[0], size[1], input[3]]);
    }

    private static long[]? Broadcast(TfjsNode node, long[]? a, long[]? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var rank = Math.Max(a.Length, b.Length);
        var shape = new long[rank];
        for (var i = 1; i <= rank; i++)
        {
            var x = i <= a.Length ? a[^i] : 1;
            var y = i <= b.Length ? b[^i] : 1;
            shape[^i] = x == 1 ? y : y == 1 ? x : x < 0 ? y : y < 0 || x == y ? x
                : throw new ModelConversionException($"{node} combines shapes {TfjsValue.Describe(a)} and {TfjsValue.Describe(b)}, which do not broadcast.");
        }

        return shape;
    }
}
