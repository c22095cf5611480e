using Headshots.Models.Onnx;
using Headshots.Models.Onnx.Proto;

namespace Headshots.Models.Diffusion;

/// <summary>
/// A tiny stand-in for an SDXL text encoder with the real export's interface: <c>input_ids</c> int32
/// [batch_size, sequence_length] in; <c>hidden_states.0</c> … <c>hidden_states.{layers}</c> (the embeddings, then
/// each layer's output, as exported with <c>output_hidden_states</c>) and <c>last_hidden_state</c>
/// [batch_size, sequence_length, width] out; then <c>pooler_output</c> [batch_size, width] (encoder 1, CLIP ViT-L,
/// 12 layers of 768) or <c>text_embeds</c> [batch_size, 1280] (encoder 2, OpenCLIP ViT-bigG with its projection, 32
/// layers of 1280).
/// </summary>
/// <remarks>
/// Each token's embedding is a sinusoid of its id, and each layer mixes in the sequence mean, so every output depends
/// on every token; elementwise layers keep the file small whatever the width.
/// </remarks>
internal static class TinyTextEncoder
{
    private static readonly string[] TokenDims = ["batch_size", "sequence_length"];
    private static readonly string[] HiddenDims = ["batch_size", "sequence_length", "hidden"];
    private static readonly string[] PooledDims = ["batch_size", "pooled"];

    public static byte[] Build(int width, int layers, string pooledName, TinySdxlPrecision precision, int seed)
    {
        var graph = new OnnxGraph(pooledName == "text_embeds" ? "tiny_text_encoder_2" : "tiny_text_encoder");
        var io = new TinyGraphIo(graph, precision);
        var weights = new TinyWeights(seed);
        var ids = TinyGraphIo.Exact(graph.Input("input_ids", TensorProto.Types.DataType.Int32, [-1, -1], TokenDims), "input_ids");

        var asFloat = graph.Node("Cast", [ids], "ids_float", OnnxAttribute.Of("to", (long)TensorProto.Types.DataType.Float));
        var column = graph.Node("Unsqueeze", [asFloat, graph.Int64s("axis2", 2)], "ids_column");
        var phase = graph.Node("Add", [
            graph.Node("Mul", [column, graph.Constant("frequency", weights.Between(width, 0.0005f, 0.01f), width)], "scaled_ids"),
            graph.Constant("phase", weights.Uniform(width, 3.14f), width)], "token_phase");
        var hidden = graph.Node("Sin", [phase], "embedding");
        long[] hiddenShape = [-1, -1, width];
        io.FloatOutput(hidden, "hidden_states.0", hiddenShape, HiddenDims);

        for (var layer = 1; layer <= layers; layer++)
        {
            var mean = graph.Node("ReduceMean", [hidden], $"layer{layer}_mean", OnnxAttribute.Of("axes", [1L]), OnnxAttribute.Of("keepdims", 1L));
            var mixed = graph.Node("Add", [
                graph.Node("Mul", [hidden, graph.Constant($"layer{layer}_gain", weights.Between(width, 0.6f, 1.2f), width)], $"layer{layer}_scaled"),
                graph.Node("Mul", [mean, graph.Constant($"layer{layer}_mix", weights.Uniform(width, 0.5f), width)], $"layer{layer}_context")], $"layer{layer}_sum");
            var bias = graph.Constant($"layer{layer}_bias", weights.Uniform(width, 0.1f), width);
            hidden = graph.Node("Tanh", [graph.Node("Add", [mixed, bias], $"layer{layer}_biased")], $"layer{layer}");
            io.FloatOutput(hidden, $"hidden_states.{layer}", hiddenShape, HiddenDims);
        }

        io.FloatOutput(hidden, "last_hidden_state", hiddenShape, HiddenDims);
        var pooled = graph.Node("ReduceMean", [hidden], "pooled", OnnxAttribute.Of("axes", [1L]), OnnxAttribute.Of("keepdims", 0L));
        var projected = graph.Node("Tanh", [graph.Node("Mul", [pooled, graph.Constant("projection", weights.Uniform(width, 2f), width)], "pooled_scaled")], "pooled_projected");
        io.FloatOutput(projected, pooledName, [-1, width], PooledDims);
        return graph.ToModelBytes("headshots-tiny-sdxl");
    }
}
