using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Diffusion.Inpainting;

/// <summary>
/// The SDXL inpainting UNet's 9-channel <c>sample</c> input (NCHW): the noisy latents scaled for the model (4 channels),
/// the latent-size mask (1), and the masked source's latents (4). Only the first four are noise; the other five tell
/// the model what to keep and where.
/// </summary>
internal static class InpaintingUNetInput
{
    public const int LatentChannels = 4;
    public const int Channels = LatentChannels + 1 + LatentChannels;

    /// <summary>
    /// Writes <paramref name="copies"/> identical batch elements (2 for classifier-free guidance) into
    /// <paramref name="sample"/>, each channel a whole latentHeight × latentWidth plane.
    /// </summary>
    public static void Assemble(
        ReadOnlySpan<float> scaledLatents,
        ReadOnlySpan<float> latentMask,
        ReadOnlySpan<float> maskedImageLatents,
        int copies,
        Span<float> sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        var plane = latentMask.Length;
        SigmaSpace.RequireSameLength(LatentChannels * plane, scaledLatents.Length);
        SigmaSpace.RequireSameLength(LatentChannels * plane, maskedImageLatents.Length);
        SigmaSpace.RequireSameLength(copies * Channels * plane, sample.Length);

        for (var copy = 0; copy < copies; copy++)
        {
            var element = sample.Slice(copy * Channels * plane, Channels * plane);
            scaledLatents.CopyTo(element);
            latentMask.CopyTo(element[(LatentChannels * plane)..]);
            maskedImageLatents.CopyTo(element[((LatentChannels + 1) * plane)..]);
        }
    }
}
