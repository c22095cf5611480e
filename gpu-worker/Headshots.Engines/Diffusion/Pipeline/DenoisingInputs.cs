namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// What stays the same across a pass's steps: the latent-size mask (1 = paint), the masked image's latents, the text
/// conditioning, SDXL's size ids for both batch elements, and the guidance scale.
/// </summary>
internal sealed record DenoisingInputs(
    float[] LatentMask,
    float[] MaskedImageLatents,
    PromptEmbeddings Prompt,
    float[] TimeIds,
    int LatentWidth,
    int LatentHeight,
    float GuidanceScale);
