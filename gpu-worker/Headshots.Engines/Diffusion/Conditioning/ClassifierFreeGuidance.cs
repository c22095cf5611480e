using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Diffusion.Conditioning;

/// <summary>
/// Classifier-free guidance (Ho and Salimans 2022): the UNet runs once without the prompt and once with it, and the
/// step follows uncond + g·(cond − uncond), pushing the image further towards the prompt than the model alone would.
/// </summary>
/// <remarks>
/// diffusers' optional guidance_rescale (Lin et al. 2023) is not applied: SDXL's pipelines default it to 0.
/// </remarks>
internal static class ClassifierFreeGuidance
{
    /// <summary>Scale 1 is the prompted prediction unchanged; SDXL is usually run at 5–8.</summary>
    public static void Combine(ReadOnlySpan<float> unconditional, ReadOnlySpan<float> conditional, float scale, Span<float> guided)
    {
        SigmaSpace.RequireSameLength(unconditional.Length, conditional.Length);
        SigmaSpace.RequireSameLength(unconditional.Length, guided.Length);
        for (var i = 0; i < guided.Length; i++) guided[i] = unconditional[i] + (scale * (conditional[i] - unconditional[i]));
    }

    /// <summary>
    /// The same from one batch-of-two UNet output: the unprompted half first, then the prompted, the order the
    /// inputs are batched in (as diffusers batches them).
    /// </summary>
    public static void CombineBatch(ReadOnlySpan<float> batchOfTwo, float scale, Span<float> guided)
    {
        if (batchOfTwo.Length != 2 * guided.Length)
        {
            throw new ArgumentException($"Expected a batch of two of {guided.Length} values, got {batchOfTwo.Length}.");
        }

        Combine(batchOfTwo[..guided.Length], batchOfTwo[guided.Length..], scale, guided);
    }
}
