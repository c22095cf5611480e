namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>One diffusion run: the look's prompt, the frame, the sampler and its seed.</summary>
/// <param name="Width">Pixels, a multiple of 8 (the VAE's downscale).</param>
/// <param name="Height">Pixels, a multiple of 8.</param>
/// <param name="Steps">Sampling steps of the inpainting pass; the harmonising pass runs ⌊Steps × Strength⌋ more.</param>
/// <param name="Strength">The harmonising image-to-image pass over the whole frame: 0 skips it; 0.2–0.35 relights
/// without redrawing.</param>
/// <param name="GuidanceScale">Classifier-free guidance; SDXL is usually run at 5–8.</param>
public sealed record DiffusionRequest(
    string Prompt,
    string? NegativePrompt,
    int Seed,
    int Width,
    int Height,
    int Steps,
    double Strength,
    DiffusionSamplerKind Sampler,
    float GuidanceScale = DiffusionRequest.DefaultGuidanceScale)
{
    public const float DefaultGuidanceScale = 7f;
    public const int MaxSide = 2048;
    public const int MaxSteps = 150;

    /// <summary>The request's first problem in words, or null when it can run.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Prompt)) return "The prompt is empty.";
        if (Width < 8 || Height < 8 || Width > MaxSide || Height > MaxSide || Width % 8 != 0 || Height % 8 != 0)
        {
            return $"The size {Width}×{Height} must be multiples of 8 from 8 to {MaxSide} on each side.";
        }

        if (Steps is < 1 or > MaxSteps) return $"Steps must be 1 to {MaxSteps}, not {Steps}.";
        if (!(Strength is >= 0 and <= 1)) return $"Strength must be from 0 to 1, not {Strength}.";
        if (!(GuidanceScale is >= 1 and <= 30)) return $"The guidance scale must be from 1 to 30, not {GuidanceScale}.";
        return null;
    }
}
