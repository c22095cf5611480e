using Headshots.Models.Onnx;
using Headshots.Models.Onnx.Proto;

namespace Headshots.Models.Diffusion;

/// <summary>
/// A tiny stand-in for the SDXL inpainting UNet with the real export's interface: <c>sample</c> [batch_size, 9,
/// height, width] (noisy latents, mask, masked-image latents), <c>timestep</c> [steps], <c>encoder_hidden_states</c>
/// [batch_size, sequence_length, 2048], <c>text_embeds</c> [batch_size, 1280] and <c>time_ids</c> [batch_size, 6] in;
/// <c>out_sample</c> [batch_size, 4, height, width] out.
/// </summary>
/// <remarks>
/// It predicts the noise as the scaled latents themselves (exact for pure noise) plus a small 3 × 3 convolution of all
/// nine channels and a per-element offset from the text, the size and the timestep, so the sampler converges to
/// moderate latents and the output depends on every input.
/// </remarks>
internal static class TinyUNet
{
    public const int InChannels = 9;
    public const int OutChannels = 4;
    public const int TextWidth = 2048;
    public const int PooledWidth = 1280;
    public const int TimeIds = 6;
    private const int Hidden = 8;

    private static readonly string[] ImageDims = ["batch_size", "num_channels", "height", "width"];

    public static byte[] Build(TinySdxlPrecision precision, int seed)
    {
        var graph = new OnnxGraph("tiny_sdxl_inpainting_unet");
        var io = new TinyGraphIo(graph, precision);
        var weights = new TinyWeights(seed);

        var sample = io.FloatInput("sample", [-1, InChannels, -1, -1], ImageDims);
        // fp32 exports declare a float timestep; the fp16 variant takes the int64 some exports declare instead.
        var timestepType = precision == TinySdxlPrecision.Float16 ? TensorProto.Types.DataType.Int64 : TensorProto.Types.DataType.Float;
        var timestep = TinyGraphIo.Exact(graph.Input("timestep", timestepType, [-1], ["steps"]), "timestep");
        var text = io.FloatInput("encoder_hidden_states", [-1, -1, TextWidth], ["batch_size", "sequence_length", "hidden"]);
        var pooled = io.FloatInput("text_embeds", [-1, PooledWidth], ["batch_size", "pooled"]);
        var timeIds = io.FloatInput("time_ids", [-1, TimeIds], ["batch_size", "time_ids"]);

        // The noise estimate's identity path: the first four channels, the scaled noisy latents.
        var latents = graph.Node("Slice", [sample, graph.Int64s("latent_start", 0), graph.Int64s("latent_end", OutChannels), graph.Int64s("channel_axis", 1)], "latents");
        var hidden = graph.Node("Tanh", [Conv(graph, weights, sample, InChannels, Hidden, "conv_in")], "conv_in_act");
        var detail = Conv(graph, weights, hidden, Hidden, OutChannels, "conv_out");

        var textMean = graph.Node("ReduceMean", [text], "text_mean", OnnxAttribute.Of("axes", [1L]), OnnxAttribute.Of("keepdims", 0L));
        var asFloat = timestepType == TensorProto.Types.DataType.Float
            ? timestep
            : graph.Node("Cast", [timestep], "timestep_float", OnnxAttribute.Of("to", (long)TensorProto.Types.DataType.Float));
        var steps = graph.Node("Unsqueeze", [asFloat, graph.Int64s("axis1", 1)], "timestep_column");
        var offset = Sum(graph,
            Project(graph, weights, textMean, TextWidth, "text_projection", 0.5f),
            Project(graph, weights, pooled, PooledWidth, "pooled_projection", 0.5f),
            // Sizes are in pixels (~1000) and timesteps up to 999: scaled down so they shift, not swamp, the estimate.
            Project(graph, weights, timeIds, TimeIds, "size_projection", 0.001f),
            graph.Node("Mul", [steps, graph.Constant("timestep_projection", weights.Uniform(OutChannels, 0.001f), 1, OutChannels)], "timestep_offset"));
        var perElement = graph.Node("Unsqueeze", [graph.Node("Tanh", [offset], "offset_act"), graph.Int64s("axes23", 2, 3)], "offset_planes");

        var small = graph.Node("Mul", [graph.Node("Add", [detail, perElement], "correction"), graph.Constant("correction_gain", 0.1f)], "correction_scaled");
        io.FloatOutput(graph.Node("Add", [latents, small], "noise"), "out_sample", [-1, OutChannels, -1, -1], ImageDims);
        return graph.ToModelBytes("headshots-tiny-sdxl");
    }

    private static string Conv(OnnxGraph graph, TinyWeights weights, string input, int inChannels, int outChannels, string name) =>
        graph.Node("Conv", [
            input,
            graph.Constant($"{name}_weight", weights.Uniform(outChannels * inChannels * 9, 1f / inChannels), outChannels, inChannels, 3, 3),
            graph.Constant($"{name}_bias", weights.Uniform(outChannels, 0.1f), outChannels)],
            name, OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L), OnnxAttribute.Of("kernel_shape", 3L, 3L));

    private static string Project(OnnxGraph graph, TinyWeights weights, string input, int width, string name, float scale) =>
        graph.Node("MatMul", [input, graph.Constant($"{name}_weight", weights.Uniform(width * OutChannels, scale), width, OutChannels)], name);

    private static string Sum(OnnxGraph graph, params string[] terms) =>
        terms.Skip(1).Aggregate(terms[0], (total, term) => graph.Node("Add", [total, term], "offset_sum"));
}
