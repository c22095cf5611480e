using Headshots.Models.Onnx;

namespace Headshots.Models.Diffusion;

/// <summary>
/// Tiny stand-ins for SDXL's VAE with the real exports' interfaces: the encoder takes <c>sample</c> [batch_size, 3,
/// height, width] (pixels in −1…1) to <c>latent_sample</c> [batch_size, 4, height/8, width/8]; the decoder takes
/// <c>latent_sample</c> back to <c>sample</c>.
/// </summary>
/// <remarks>
/// One stride-8 convolution each way: each latent is its 8 × 8 block's colour (three channels and their mean) and
/// the decoder paints the block back, both slightly perturbed, so a round trip keeps the picture recognisable.
/// </remarks>
internal static class TinyVae
{
    public const int Factor = 8;
    public const int LatentChannels = 4;
    private const int PixelChannels = 3;

    private static readonly string[] PixelDims = ["batch_size", "num_channels", "height", "width"];
    private static readonly string[] LatentDims = ["batch_size", "num_channels_latent", "height_latent", "width_latent"];

    public static byte[] BuildEncoder(TinySdxlPrecision precision, int seed)
    {
        var graph = new OnnxGraph("tiny_sdxl_vae_encoder");
        var io = new TinyGraphIo(graph, precision);
        var weights = new TinyWeights(seed);
        var sample = io.FloatInput("sample", [-1, PixelChannels, -1, -1], PixelDims);
        // Weight [out = latent, in = pixel, 8, 8]: a block average of the mixed colour.
        var kernel = weights.Uniform(LatentChannels * PixelChannels * Factor * Factor, 0.1f / (Factor * Factor));
        for (var latent = 0; latent < LatentChannels; latent++)
        {
            for (var pixel = 0; pixel < PixelChannels; pixel++)
            {
                for (var k = 0; k < Factor * Factor; k++) kernel[(((latent * PixelChannels) + pixel) * Factor * Factor) + k] += Mix(latent, pixel) / (Factor * Factor);
            }
        }

        var latents = graph.Node("Conv", [sample, graph.Constant("encoder_weight", kernel, LatentChannels, PixelChannels, Factor, Factor)], "encode",
            OnnxAttribute.Of("kernel_shape", (long)Factor, Factor), OnnxAttribute.Of("strides", (long)Factor, Factor));
        io.FloatOutput(latents, "latent_sample", [-1, LatentChannels, -1, -1], LatentDims);
        return graph.ToModelBytes("headshots-tiny-sdxl");
    }

    public static byte[] BuildDecoder(TinySdxlPrecision precision, int seed)
    {
        var graph = new OnnxGraph("tiny_sdxl_vae_decoder");
        var io = new TinyGraphIo(graph, precision);
        var weights = new TinyWeights(seed);
        var latents = io.FloatInput("latent_sample", [-1, LatentChannels, -1, -1], LatentDims);
        // ConvTranspose weight [in = latent, out = pixel, 8, 8]: latent channel c paints pixel channel c back.
        var kernel = weights.Uniform(LatentChannels * PixelChannels * Factor * Factor, 0.05f);
        for (var pixel = 0; pixel < PixelChannels; pixel++)
        {
            for (var k = 0; k < Factor * Factor; k++) kernel[(((pixel * PixelChannels) + pixel) * Factor * Factor) + k] += 1;
        }

        var pixels = graph.Node("ConvTranspose", [latents, graph.Constant("decoder_weight", kernel, LatentChannels, PixelChannels, Factor, Factor)], "decode",
            OnnxAttribute.Of("kernel_shape", (long)Factor, Factor), OnnxAttribute.Of("strides", (long)Factor, Factor));
        io.FloatOutput(pixels, "sample", [-1, PixelChannels, -1, -1], PixelDims);
        return graph.ToModelBytes("headshots-tiny-sdxl");
    }

    /// <summary>Latent channels 0–2 carry red, green and blue; channel 3 their mean.</summary>
    private static float Mix(int latent, int pixel) => latent < PixelChannels ? (latent == pixel ? 1 : 0) : 1f / PixelChannels;
}
