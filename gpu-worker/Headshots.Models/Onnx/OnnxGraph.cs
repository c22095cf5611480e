using Google.Protobuf;
using Headshots.Models.Onnx.Proto;

namespace Headshots.Models.Onnx;

/// <summary>
/// Builds an ONNX graph node by node. Names are made unique by the builder so converters can think in
/// terms of their source graph's names and never collide with helper nodes.
/// </summary>
public sealed class OnnxGraph
{
    public const int OpsetVersion = 17;

    private readonly GraphProto graph;
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private int counter;

    public OnnxGraph(string name)
    {
        graph = new GraphProto { Name = name };
    }

    public int NodeCount => graph.Node.Count;

    public string UniqueName(string hint)
    {
        var baseName = string.IsNullOrEmpty(hint) ? "t" : hint;
        var name = baseName;
        while (!names.Add(name))
        {
            name = $"{baseName}__{++counter}";
        }

        return name;
    }

    public string Input(string name, params long[] shape) => Input(name, TensorProto.Types.DataType.Float, shape);

    /// <param name="shape">Use -1 for a dimension whose size is given at run time.</param>
    public string Input(string name, TensorProto.Types.DataType type, params long[] shape)
    {
        var unique = UniqueName(name);
        graph.Input.Add(ValueInfo(unique, type, shape));
        return unique;
    }

    /// <summary>
    /// An input whose run-time dimensions carry the names a published export gives them (for example
    /// <c>batch_size</c>, <c>height</c>): <paramref name="dimNames"/>[i] names dimension i where shape[i] is -1.
    /// </summary>
    public string Input(string name, TensorProto.Types.DataType type, long[] shape, string[] dimNames)
    {
        var unique = UniqueName(name);
        graph.Input.Add(ValueInfo(unique, type, shape, dimNames));
        return unique;
    }

    public void Output(string tensor, params long[] shape) => Output(tensor, TensorProto.Types.DataType.Float, shape);

    public void Output(string tensor, TensorProto.Types.DataType type, params long[] shape)
    {
        graph.Output.Add(ValueInfo(tensor, type, shape));
    }

    /// <summary>An output with named run-time dimensions, as <see cref="Input(string, TensorProto.Types.DataType, long[], string[])"/>.</summary>
    public void Output(string tensor, TensorProto.Types.DataType type, long[] shape, string[] dimNames)
    {
        graph.Output.Add(ValueInfo(tensor, type, shape, dimNames));
    }

    public string Constant(string name, float[] values, params long[] shape)
    {
        if (values.Length != ShapeSize(shape))
        {
            throw new ArgumentException($"Constant '{name}' has {values.Length} values for shape [{string.Join(',', shape)}].");
        }

        var tensor = new TensorProto { Name = UniqueName(name), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian.");
        }

        tensor.RawData = ByteString.CopyFrom(bytes);
        graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Constant(string name, float value) => Constant(name, [value]);

    public string ConstantInt64(string name, long[] values, params long[] shape)
    {
        var tensor = new TensorProto { Name = UniqueName(name), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(shape.Length == 0 && values.Length != 1 ? [values.Length] : shape);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A 1-D int64 tensor, the shape ONNX wants for axes, pads, shapes and sizes.</summary>
    public string Int64s(string name, params long[] values) => ConstantInt64(name, values, values.Length);

    public string Node(string opType, string[] inputs, string? name = null, params OnnxAttribute[] attributes) =>
        NodeWithOutputs(opType, inputs, 1, name, attributes)[0];

    public string[] NodeWithOutputs(string opType, string[] inputs, int outputCount, string? name = null, params OnnxAttribute[] attributes)
    {
        var nodeName = UniqueName(name ?? opType.ToLowerInvariant());
        var node = new NodeProto { OpType = opType, Name = nodeName };
        node.Input.AddRange(inputs);
        var outputs = new string[outputCount];
        for (var i = 0; i < outputCount; i++)
        {
            outputs[i] = i == 0 ? nodeName : UniqueName($"{nodeName}:{i}");
            node.Output.Add(outputs[i]);
        }

        foreach (var attribute in attributes)
        {
            node.Attribute.Add(attribute.ToProto());
        }

        graph.Node.Add(node);
        return outputs;
    }

    /// <summary>Renames a graph output so callers see the source model's names (for example <c>output_mesh</c>).</summary>
    public string Identity(string input, string outputName)
    {
        var node = new NodeProto { OpType = "Identity", Name = UniqueName(outputName + "_identity") };
        node.Input.Add(input);
        var unique = UniqueName(outputName);
        node.Output.Add(unique);
        graph.Node.Add(node);
        return unique;
    }

    public byte[] ToModelBytes(string producer, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = producer,
            ProducerVersion = "1",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model.ToByteArray();
    }

    internal static long ShapeSize(IReadOnlyList<long> shape)
    {
        long size = 1;
        foreach (var dim in shape)
        {
            size *= dim;
        }

        return size;
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long[] shape, string[]? dimNames = null)
    {
        if (dimNames is not null && dimNames.Length != shape.Length)
        {
            throw new ArgumentException($"'{name}' has {shape.Length} dimensions but {dimNames.Length} dimension names.");
        }

        var tensorShape = new TensorShapeProto();
        for (var i = 0; i < shape.Length; i++)
        {
            tensorShape.Dim.Add(shape[i] < 0
                ? new TensorShapeProto.Types.Dimension { DimParam = dimNames?[i] ?? $"{name}_d{i}" }
                : new TensorShapeProto.Types.Dimension { DimValue = shape[i] });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }
}
