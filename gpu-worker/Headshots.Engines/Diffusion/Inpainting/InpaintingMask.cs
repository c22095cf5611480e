using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Diffusion.Inpainting;

/// <summary>
/// The inpainting UNet's view of the mask, as diffusers' SDXL inpainting pipeline prepares it: 1 where the model
/// paints, 0 where the source stays; binarized at ½; masked pixels blanked before the VAE encodes the source; then
/// shrunk to latent size. Feathering belongs to the final composite of the kept face over the result, not here: the
/// model was trained on hard masks.
/// </summary>
internal static class InpaintingMask
{
    /// <summary>In place: 1 where the value is at least ½, else 0.</summary>
    public static void Binarize(Span<float> mask)
    {
        foreach (ref var value in mask) value = value >= 0.5f ? 1 : 0;
    }

    /// <summary>
    /// The source with the painted region blanked, for the VAE: each of the image's planes (CHW, [−1, 1]) times
    /// (mask &lt; ½), so painted pixels become 0, mid-grey.
    /// </summary>
    public static void MaskImage(ReadOnlySpan<float> imageChw, ReadOnlySpan<float> mask, Span<float> masked)
    {
        SigmaSpace.RequireSameLength(imageChw.Length, masked.Length);
        if (mask.Length == 0 || imageChw.Length % mask.Length != 0)
        {
            throw new ArgumentException($"An image of {imageChw.Length} values is not whole planes of a {mask.Length}-pixel mask.");
        }

        for (var i = 0; i < imageChw.Length; i++) masked[i] = mask[i % mask.Length] < 0.5f ? imageChw[i] : 0;
    }

    /// <summary>
    /// The mask at latent size by nearest neighbour as torch's default <c>interpolate</c> does it (source index =
    /// ⌊destination index × scale⌋, so each latent takes its 8 × 8 block's top-left pixel).
    /// </summary>
    public static void Downsample(ReadOnlySpan<float> mask, int height, int width, int factor, Span<float> latentMask)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (height % factor != 0 || width % factor != 0)
        {
            throw new ArgumentException($"{width} × {height} is not a multiple of {factor} on each side.");
        }

        SigmaSpace.RequireSameLength(height * width, mask.Length);
        var (latentHeight, latentWidth) = (height / factor, width / factor);
        SigmaSpace.RequireSameLength(latentHeight * latentWidth, latentMask.Length);
        for (var y = 0; y < latentHeight; y++)
        {
            for (var x = 0; x < latentWidth; x++) latentMask[(y * latentWidth) + x] = mask[(y * factor * width) + (x * factor)];
        }
    }
}
