namespace Headshots.Engines.Tests.Diffusion.Schedulers;

/// <summary>
/// A stand-in for the UNet whose exact behaviour is known: data x₀ ~ N(μ, s²) per element. Its ideal denoiser is
/// linear, D(x, σ) = μ + s²/(s² + σ²)·(x − μ), and the probability-flow ODE dx/dσ = (x − D)/σ then solves in closed
/// form: (x − μ) ∝ √(s² + σ²).
/// </summary>
internal sealed class GaussianDataModel(double mean, double variance)
{
    public double Mean { get; } = mean;

    public double Variance { get; } = variance;

    public double Denoise(double x, double sigma) => Mean + (Variance / (Variance + (sigma * sigma)) * (x - Mean));

    /// <summary>The UNet's output for this denoiser: ε = (x − D)/σ.</summary>
    public void PredictNoise(ReadOnlySpan<float> latents, double sigma, Span<float> prediction)
    {
        for (var i = 0; i < latents.Length; i++) prediction[i] = (float)((latents[i] - Denoise(latents[i], sigma)) / sigma);
    }

    /// <summary>The exact ODE solution from σ_from to σ_to.</summary>
    public double Flow(double x, double sigmaFrom, double sigmaTo) =>
        Mean + ((x - Mean) * Math.Sqrt(Variance + (sigmaTo * sigmaTo)) / Math.Sqrt(Variance + (sigmaFrom * sigmaFrom)));
}
