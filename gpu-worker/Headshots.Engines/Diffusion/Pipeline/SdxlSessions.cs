using Headshots.Engines.Onnx;
using Headshots.Models.Diffusion;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// The five sessions of the SDXL inpainting pipeline, through the worker's checked loading path
/// (<see cref="OnnxModels"/> over the diffusion folder: each file's SHA-256 against its record, CUDA when asked and
/// present, the CPU otherwise). Each loads on first use and lives as long as <paramref name="models"/>.
/// </summary>
internal sealed class SdxlSessions(OnnxModels models)
{
    public InferenceSession TextEncoder => models.Session(SdxlComponents.ModelId(SdxlComponents.TextEncoder));

    public InferenceSession TextEncoder2 => models.Session(SdxlComponents.ModelId(SdxlComponents.TextEncoder2));

    public InferenceSession UNet => models.Session(SdxlComponents.ModelId(SdxlComponents.UNet));

    public InferenceSession VaeEncoder => models.Session(SdxlComponents.ModelId(SdxlComponents.VaeEncoder));

    public InferenceSession VaeDecoder => models.Session(SdxlComponents.ModelId(SdxlComponents.VaeDecoder));

    /// <summary>What the UNet, where nearly all the time goes, runs on.</summary>
    public string UNetProvider => models.ProviderOf(SdxlComponents.ModelId(SdxlComponents.UNet));
}
