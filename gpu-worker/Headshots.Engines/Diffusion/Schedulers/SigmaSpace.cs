namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// The arithmetic of the σ scale the samplers share: a latent at noise level σ is x = x₀ + σ·ε. The UNet, trained on
/// variance-preserving inputs √ᾱ·x₀ + √(1 − ᾱ)·ε, sees x / √(σ² + 1), which is exactly that, and predicts ε.
/// </summary>
internal static class SigmaSpace
{
    /// <summary>The UNet's input: <paramref name="latents"/> / √(σ² + 1).</summary>
    public static void ScaleModelInput(ReadOnlySpan<float> latents, double sigma, Span<float> scaled)
    {
        RequireSameLength(latents.Length, scaled.Length);
        var factor = (float)(1 / Math.Sqrt((sigma * sigma) + 1));
        for (var i = 0; i < latents.Length; i++) scaled[i] = latents[i] * factor;
    }

    /// <summary>Clean latents noised to level σ: x₀ + σ·noise (the start of an image-to-image run).</summary>
    public static void AddNoise(ReadOnlySpan<float> clean, ReadOnlySpan<float> noise, double sigma, Span<float> noisy)
    {
        RequireSameLength(clean.Length, noise.Length);
        RequireSameLength(clean.Length, noisy.Length);
        var s = (float)sigma;
        for (var i = 0; i < clean.Length; i++) noisy[i] = clean[i] + (s * noise[i]);
    }

    /// <summary>The model's estimate of the clean latents from its noise prediction: x − σ·ε.</summary>
    public static void Denoised(ReadOnlySpan<float> latents, ReadOnlySpan<float> noisePrediction, double sigma, Span<float> denoised)
    {
        RequireSameLength(latents.Length, noisePrediction.Length);
        RequireSameLength(latents.Length, denoised.Length);
        var s = (float)sigma;
        for (var i = 0; i < latents.Length; i++) denoised[i] = latents[i] - (s * noisePrediction[i]);
    }

    internal static void RequireSameLength(int expected, int actual)
    {
        if (expected != actual) throw new ArgumentException($"Expected {expected} values, got {actual}.");
    }
}
