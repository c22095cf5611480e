using Headshots.Models.Preparation;

namespace Headshots.Models.Diffusion;

/// <summary>
/// Tiny SDXL-inpainting-shaped ONNX models with random but fixed weights, made by the project's graph builder: the
/// real exports' input and output names, dtypes and run-time dimensions, a few kilobytes to a few megabytes each. They
/// let the whole C# pipeline run (tests, benchmark) where the real weights can never be.
/// </summary>
public static class TinySdxlModels
{
    /// <summary>CLIP ViT-L: 12 layers of 768.</summary>
    public const int TextEncoderWidth = 768;
    public const int TextEncoderLayers = 12;

    /// <summary>OpenCLIP ViT-bigG: 32 layers of 1280.</summary>
    public const int TextEncoder2Width = 1280;
    public const int TextEncoder2Layers = 32;

    /// <summary>What the records say the files came from, so nobody mistakes them for weights.</summary>
    public const string Origin = "headshots-tiny-sdxl";

    /// <summary>One component's model bytes (<see cref="SdxlComponents"/>).</summary>
    public static byte[] Build(string component, TinySdxlPrecision precision) => component switch
    {
        SdxlComponents.TextEncoder => TinyTextEncoder.Build(TextEncoderWidth, TextEncoderLayers, "pooler_output", precision, seed: 1),
        SdxlComponents.TextEncoder2 => TinyTextEncoder.Build(TextEncoder2Width, TextEncoder2Layers, "text_embeds", precision, seed: 2),
        SdxlComponents.UNet => TinyUNet.Build(precision, seed: 3),
        SdxlComponents.VaeEncoder => TinyVae.BuildEncoder(precision, seed: 4),
        SdxlComponents.VaeDecoder => TinyVae.BuildDecoder(precision, seed: 5),
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Not an SDXL component."),
    };

    /// <summary>
    /// Writes all five into <paramref name="folder"/> in the layout the fetch writes (<c>{component}/model.onnx</c>
    /// with its <c>model.json</c> record and SHA-256), so the worker's checked loading path reads them as it reads
    /// the real ones.
    /// </summary>
    public static void WriteTo(string folder, TinySdxlPrecision precision)
    {
        foreach (var component in SdxlComponents.All)
        {
            var onnx = Path.Combine(folder, SdxlComponents.ModelId(component) + ".onnx");
            Directory.CreateDirectory(Path.GetDirectoryName(onnx)!);
            var bytes = Build(component, precision);
            File.WriteAllBytes(onnx, bytes);
            ModelPreparer.WriteRecord(Path.Combine(folder, SdxlComponents.ModelId(component) + ".json"), new PreparedModel(
                SdxlComponents.ModelId(component), Origin, "0.0.0", "none", "none", 0, SubresourceIntegrity.Sha256HexOf(onnx), bytes.LongLength));
        }
    }
}
