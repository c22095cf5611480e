namespace Headshots.Models.Diffusion;

/// <summary>
/// The five ONNX models of an SDXL inpainting pipeline, in the folder layout of the usual ONNX exports
/// (<c>{component}/model.onnx</c>, external weights beside each): the fetch writes it, the worker loads it, and the
/// tiny test models imitate it.
/// </summary>
public static class SdxlComponents
{
    public const string TextEncoder = "text_encoder";
    public const string TextEncoder2 = "text_encoder_2";
    public const string UNet = "unet";
    public const string VaeEncoder = "vae_encoder";
    public const string VaeDecoder = "vae_decoder";

    public static IReadOnlyList<string> All { get; } = [TextEncoder, TextEncoder2, UNet, VaeEncoder, VaeDecoder];

    /// <summary>
    /// The id the ONNX loader takes (<c>{folder}/{id}.onnx</c> with its <c>{id}.json</c> record): a path under the
    /// diffusion folder, so each model keeps its own folder for the external-data file the real exports carry.
    /// </summary>
    public static string ModelId(string component) => $"{component}/model";
}
