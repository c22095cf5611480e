using Headshots.Models.Onnx;
using Headshots.Models.Onnx.Proto;

namespace Headshots.Models.Diffusion;

/// <summary>
/// A tiny model's float inputs and outputs in the declared precision: an fp16 input is cast to fp32 at once and an
/// output cast back at the end, so the caller's fp16 handling is exercised while the arithmetic stays in fp32.
/// </summary>
internal sealed class TinyGraphIo(OnnxGraph graph, TinySdxlPrecision precision)
{
    private const long OnnxFloat = (long)TensorProto.Types.DataType.Float;
    private const long OnnxFloat16 = (long)TensorProto.Types.DataType.Float16;

    public OnnxGraph Graph { get; } = graph;

    public TensorProto.Types.DataType FloatType =>
        precision == TinySdxlPrecision.Float16 ? TensorProto.Types.DataType.Float16 : TensorProto.Types.DataType.Float;

    /// <summary>A float input of the declared precision, as fp32 for the graph's arithmetic.</summary>
    public string FloatInput(string name, long[] shape, string[] dimNames)
    {
        var input = Exact(Graph.Input(name, FloatType, shape, dimNames), name);
        return precision == TinySdxlPrecision.Float16 ? Graph.Node("Cast", [input], $"{name}_fp32", OnnxAttribute.Of("to", OnnxFloat)) : input;
    }

    /// <summary>An fp32 tensor as a graph output of the declared precision, under exactly <paramref name="name"/>.</summary>
    public void FloatOutput(string tensor, string name, long[] shape, string[] dimNames)
    {
        var typed = precision == TinySdxlPrecision.Float16 ? Graph.Node("Cast", [tensor], $"{name}_fp16", OnnxAttribute.Of("to", OnnxFloat16)) : tensor;
        Graph.Output(Exact(Graph.Identity(typed, name), name), FloatType, shape, dimNames);
    }

    /// <summary>The real exports' names are the contract: a builder-made variant of one would be a different model.</summary>
    public static string Exact(string actual, string wanted) =>
        actual == wanted ? actual : throw new InvalidOperationException($"The tiny model needs the tensor name '{wanted}', got '{actual}'.");
}
