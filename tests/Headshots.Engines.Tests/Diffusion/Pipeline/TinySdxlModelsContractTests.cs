using Headshots.Models.Diffusion;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Engines.Tests.Diffusion.Pipeline;

/// <summary>
/// The tiny models' interface against the usual SDXL ONNX exports' (diffusers' components exported with
/// output_hidden_states; names, element types, fixed sizes, run-time dimensions as -1), written out here by hand.
/// </summary>
public sealed class TinySdxlModelsContractTests
{
    public static TheoryData<string, string, string, TensorElementType, int[]> Inputs => new()
    {
        { SdxlComponents.TextEncoder, "fp32", "input_ids", TensorElementType.Int32, [-1, -1] },
        { SdxlComponents.TextEncoder2, "fp32", "input_ids", TensorElementType.Int32, [-1, -1] },
        { SdxlComponents.UNet, "fp32", "sample", TensorElementType.Float, [-1, 9, -1, -1] },
        { SdxlComponents.UNet, "fp32", "timestep", TensorElementType.Float, [-1] },
        { SdxlComponents.UNet, "fp32", "encoder_hidden_states", TensorElementType.Float, [-1, -1, 2048] },
        { SdxlComponents.UNet, "fp32", "text_embeds", TensorElementType.Float, [-1, 1280] },
        { SdxlComponents.UNet, "fp32", "time_ids", TensorElementType.Float, [-1, 6] },
        { SdxlComponents.UNet, "fp16", "sample", TensorElementType.Float16, [-1, 9, -1, -1] },
        { SdxlComponents.UNet, "fp16", "timestep", TensorElementType.Int64, [-1] },
        { SdxlComponents.UNet, "fp16", "encoder_hidden_states", TensorElementType.Float16, [-1, -1, 2048] },
        { SdxlComponents.VaeEncoder, "fp32", "sample", TensorElementType.Float, [-1, 3, -1, -1] },
        { SdxlComponents.VaeDecoder, "fp16", "latent_sample", TensorElementType.Float16, [-1, 4, -1, -1] },
    };

    public static TheoryData<string, string, string, TensorElementType, int[]> Outputs => new()
    {
        { SdxlComponents.TextEncoder, "fp32", "last_hidden_state", TensorElementType.Float, [-1, -1, 768] },
        { SdxlComponents.TextEncoder, "fp32", "pooler_output", TensorElementType.Float, [-1, 768] },
        { SdxlComponents.TextEncoder, "fp32", "hidden_states.11", TensorElementType.Float, [-1, -1, 768] },
        { SdxlComponents.TextEncoder, "fp32", "hidden_states.12", TensorElementType.Float, [-1, -1, 768] },
        { SdxlComponents.TextEncoder2, "fp32", "text_embeds", TensorElementType.Float, [-1, 1280] },
        { SdxlComponents.TextEncoder2, "fp32", "hidden_states.31", TensorElementType.Float, [-1, -1, 1280] },
        { SdxlComponents.TextEncoder2, "fp16", "hidden_states.32", TensorElementType.Float16, [-1, -1, 1280] },
        { SdxlComponents.UNet, "fp32", "out_sample", TensorElementType.Float, [-1, 4, -1, -1] },
        { SdxlComponents.VaeEncoder, "fp32", "latent_sample", TensorElementType.Float, [-1, 4, -1, -1] },
        { SdxlComponents.VaeDecoder, "fp32", "sample", TensorElementType.Float, [-1, 3, -1, -1] },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Build_Input_HasTheExportsNameTypeAndShape(string component, string precision, string name, TensorElementType type, int[] dimensions)
    {
        using var session = Session(component, precision);

        var input = Assert.Contains(name, session.InputMetadata);

        Assert.Equal(type, input.ElementDataType);
        Assert.Equal(dimensions, input.Dimensions);
        Assert.Equal(name == "timestep" ? "steps" : "batch_size", input.SymbolicDimensions[0]);
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Build_Output_HasTheExportsNameTypeAndShape(string component, string precision, string name, TensorElementType type, int[] dimensions)
    {
        using var session = Session(component, precision);

        var output = Assert.Contains(name, session.OutputMetadata);

        Assert.Equal(type, output.ElementDataType);
        Assert.Equal(dimensions, output.Dimensions);
    }

    [Theory]
    [InlineData(SdxlComponents.TextEncoder, 13)]
    [InlineData(SdxlComponents.TextEncoder2, 33)]
    public void Build_TextEncoder_ExportsTheEmbeddingsAndEveryLayersHiddenStates(string component, int hiddenStates)
    {
        using var session = Session(component, "fp32");

        var names = session.OutputMetadata.Keys.Where(n => n.StartsWith("hidden_states.", StringComparison.Ordinal)).Order().ToList();

        Assert.Equal(Enumerable.Range(0, hiddenStates).Select(i => $"hidden_states.{i}").Order(), names);
    }

    [Fact]
    public void Build_SameComponentTwice_SameBytes()
    {
        Assert.Equal(TinySdxlModels.Build(SdxlComponents.UNet, TinySdxlPrecision.Float32), TinySdxlModels.Build(SdxlComponents.UNet, TinySdxlPrecision.Float32));
    }

    private static InferenceSession Session(string component, string precision) =>
        new(TinySdxlModels.Build(component, precision == "fp16" ? TinySdxlPrecision.Float16 : TinySdxlPrecision.Float32));
}
