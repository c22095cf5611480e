using System.Text.Json;
using Headshots.Models.Onnx;
using Headshots.Models.Tfjs;

namespace Headshots.Models.Dlib;

/// <summary>
/// Builds dlib's face-recognition ResNet (29 conv layers, 128-D output) as ONNX from the TF.js weights of its
/// face-api port. The weights come without a graph: the network is implied by the tensor names, and this class
/// spells it out as dlib defines it (input_rgb_image_sized&lt;150&gt;, a 7×7/2 convolution, 3×3/2 max pooling,
/// residual blocks at 32, 64, 128 and 256 channels, global average, a 256→128 fully connected layer).
/// </summary>
public static class DlibResNetConverter
{
    public const int InputSize = 150;
    public const int EmbeddingSize = 128;
    public const string InputName = "face";
    public const string OutputName = "embedding";

    // dlib's input_rgb_image: subtract the training set's mean colour, divide by 256.
    private static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    private static readonly (string Name, BlockKind Kind)[] Blocks =
    [
        ("conv32_1", BlockKind.Same), ("conv32_2", BlockKind.Same), ("conv32_3", BlockKind.Same),
        ("conv64_down", BlockKind.Down), ("conv64_1", BlockKind.Same), ("conv64_2", BlockKind.Same), ("conv64_3", BlockKind.Same),
        ("conv128_down", BlockKind.Down), ("conv128_1", BlockKind.Same), ("conv128_2", BlockKind.Same),
        ("conv256_down", BlockKind.Down), ("conv256_1", BlockKind.Same), ("conv256_2", BlockKind.Same),
        ("conv256_down_out", BlockKind.Down),
    ];

    private enum BlockKind
    {
        Same,
        Down,
    }

    /// <summary>Input <c>face</c>: [N,150,150,3] RGB in 0–255 (NHWC). Output <c>embedding</c>: [N,128].</summary>
    public static byte[] Convert(string weightsManifestPath)
    {
        if (!File.Exists(weightsManifestPath))
        {
            throw new ModelConversionException($"The dlib ResNet weights manifest {weightsManifestPath} does not exist.");
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(weightsManifestPath));
        var weights = TfjsWeights.Read(manifest.RootElement, Path.GetDirectoryName(weightsManifestPath)!);
        return Build(weights);
    }

    internal static byte[] Build(IReadOnlyDictionary<string, TfjsTensor> weights)
    {
        var graph = new OnnxGraph("dlib_face_recognition_resnet");
        var input = graph.Input(InputName, -1, InputSize, InputSize, 3);
        var centred = graph.Node("Sub", [input, graph.Constant("mean_rgb", MeanRgb, 3)]);
        var scaled = graph.Node("Div", [centred, graph.Constant("scale", 256f)]);
        var x = new Feature(graph.Node("Transpose", [scaled], "to_nchw", OnnxAttribute.Of("perm", 0L, 3, 1, 2)), 3, InputSize);

        x = ConvLayer(graph, weights, "conv32_down", x, stride: 2, relu: true);
        x = x with { Name = graph.Node("MaxPool", [x.Name], "max_pool", OnnxAttribute.Of("kernel_shape", 3L, 3), OnnxAttribute.Of("strides", 2L, 2)), Size = ((x.Size - 3) / 2) + 1 };

        foreach (var (name, kind) in Blocks)
        {
            x = kind == BlockKind.Same ? Residual(graph, weights, name, x) : ResidualDown(graph, weights, name, x);
        }

        var averaged = graph.Node("GlobalAveragePool", [x.Name], "global_average");
        var pooled = graph.Node("Flatten", [averaged], "flatten", OnnxAttribute.Of("axis", 1L));
        var fc = Require(weights, "fc", x.Channels, EmbeddingSize);
        var embedding = graph.Node("MatMul", [pooled, graph.Constant("fc", fc.RequireFloats(), x.Channels, EmbeddingSize)]);
        graph.Output(graph.Identity(embedding, OutputName), -1, EmbeddingSize);
        return graph.ToModelBytes("headshots-dlib-resnet", new Dictionary<string, string>
        {
            ["source"] = "dlib face recognition ResNet (dlib_face_recognition_resnet_model_v1), weights via face-api",
            ["input"] = "face: NHWC float RGB 0-255, 150x150, aligned face chip",
            ["threshold"] = "0.6 euclidean = same person",
        });
    }

    private static Feature Residual(OnnxGraph graph, IReadOnlyDictionary<string, TfjsTensor> weights, string name, Feature x)
    {
        var a = ConvLayer(graph, weights, $"{name}/conv1", x, stride: 1, relu: true);
        var b = ConvLayer(graph, weights, $"{name}/conv2", a, stride: 1, relu: false);
        var sum = graph.Node("Add", [b.Name, x.Name], $"{name}/add");
        return b with { Name = graph.Node("Relu", [sum], $"{name}/relu") };
    }

    /// <summary>
    /// dlib adds a strided branch to an average-pooled shortcut of a different shape; its add layer zero-fills
    /// whatever one side lacks (extra channels, and the last row and column when the sizes round differently).
    /// </summary>
    private static Feature ResidualDown(OnnxGraph graph, IReadOnlyDictionary<string, TfjsTensor> weights, string name, Feature x)
    {
        var a = ConvLayer(graph, weights, $"{name}/conv1", x, stride: 2, relu: true);
        var b = ConvLayer(graph, weights, $"{name}/conv2", a, stride: 1, relu: false);
        var shortcut = new Feature(
            graph.Node("AveragePool", [x.Name], $"{name}/avg_pool", OnnxAttribute.Of("kernel_shape", 2L, 2), OnnxAttribute.Of("strides", 2L, 2)),
            x.Channels,
            x.Size / 2);

        if (shortcut.Size != b.Size)
        {
            var grow = shortcut.Size - b.Size;
            if (grow < 0)
            {
                throw new ModelConversionException($"Block {name}: the shortcut ({shortcut.Size}) is smaller than the branch ({b.Size}).");
            }

            b = b with { Name = graph.Node("Pad", [b.Name, graph.Int64s($"{name}/pad_hw", 0, 0, 0, 0, 0, 0, grow, grow)], $"{name}/pad_branch"), Size = shortcut.Size };
        }

        if (shortcut.Channels != b.Channels)
        {
            var extra = b.Channels - shortcut.Channels;
            shortcut = shortcut with
            {
                Name = graph.Node("Pad", [shortcut.Name, graph.Int64s($"{name}/pad_c", 0, 0, 0, 0, 0, extra, 0, 0)], $"{name}/pad_shortcut"),
                Channels = b.Channels,
            };
        }

        var sum = graph.Node("Add", [shortcut.Name, b.Name], $"{name}/add");
        return b with { Name = graph.Node("Relu", [sum], $"{name}/relu") };
    }

    /// <summary>Convolution, bias, then dlib's affine "scale" layer, folded into one convolution.</summary>
    private static Feature ConvLayer(OnnxGraph graph, IReadOnlyDictionary<string, TfjsTensor> weights, string name, Feature x, int stride, bool relu)
    {
        var filters = weights.TryGetValue($"{name}/conv/filters", out var f)
            ? f
            : throw new ModelConversionException($"The dlib ResNet weights lack '{name}/conv/filters'.");
        if (filters.Shape.Length != 4 || filters.Shape[2] != x.Channels)
        {
            throw new ModelConversionException($"'{name}/conv/filters' has shape [{string.Join(',', filters.Shape)}]; expected [k,k,{x.Channels},out].");
        }

        int kh = filters.Shape[0], kw = filters.Shape[1], cin = filters.Shape[2], cout = filters.Shape[3];
        var bias = Require(weights, $"{name}/conv/bias", cout).RequireFloats();
        var scale = Require(weights, $"{name}/scale/weights", cout).RequireFloats();
        var shift = Require(weights, $"{name}/scale/biases", cout).RequireFloats();

        var source = filters.RequireFloats();
        var folded = new float[cout * cin * kh * kw];
        for (var o = 0; o < cout; o++)
        {
            for (var i = 0; i < cin; i++)
            {
                for (var y = 0; y < kh; y++)
                {
                    for (var z = 0; z < kw; z++)
                    {
                        folded[(((o * cin) + i) * kh + y) * kw + z] = source[(((y * kw) + z) * cin + i) * cout + o] * scale[o];
                    }
                }
            }
        }

        var foldedBias = new float[cout];
        for (var o = 0; o < cout; o++)
        {
            foldedBias[o] = (bias[o] * scale[o]) + shift[o];
        }

        // dlib pads by half the kernel at stride 1 and not at all when striding.
        var pad = stride == 1 ? kh / 2 : 0;
        var conv = graph.Node(
            "Conv",
            [x.Name, graph.Constant($"{name}/W", folded, cout, cin, kh, kw), graph.Constant($"{name}/B", foldedBias, cout)],
            name,
            OnnxAttribute.Of("kernel_shape", (long)kh, kw),
            OnnxAttribute.Of("strides", (long)stride, stride),
            OnnxAttribute.Of("pads", (long)pad, pad, pad, pad));
        var size = ((x.Size + (2 * pad) - kh) / stride) + 1;
        return new Feature(relu ? graph.Node("Relu", [conv], $"{name}/relu") : conv, cout, size);
    }

    private static TfjsTensor Require(IReadOnlyDictionary<string, TfjsTensor> weights, string name, params int[] shape)
    {
        if (!weights.TryGetValue(name, out var tensor))
        {
            throw new ModelConversionException($"The dlib ResNet weights lack '{name}'.");
        }

        if (!tensor.Shape.SequenceEqual(shape))
        {
            throw new ModelConversionException($"'{name}' has shape [{string.Join(',', tensor.Shape)}]; expected [{string.Join(',', shape)}].");
        }

        return tensor;
    }

    private sealed record Feature(string Name, int Channels, int Size);
}
