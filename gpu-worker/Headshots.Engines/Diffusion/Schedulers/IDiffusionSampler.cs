namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// A sampler over one <see cref="SamplingSchedule"/>, in the σ scale of <see cref="SigmaSpace"/>: for each step in
/// order, the caller runs the UNet on <see cref="SigmaSpace.ScaleModelInput"/> of the latents at
/// <see cref="SamplingSchedule.Timesteps"/>[step], then hands its noise prediction to <see cref="Step"/>.
/// </summary>
internal interface IDiffusionSampler
{
    SamplingSchedule Schedule { get; }

    /// <summary>
    /// Moves <paramref name="latents"/> in place from σ[step] to σ[step + 1], given the UNet's (guided) noise prediction
    /// for them. Steps must come in order, from 0.
    /// </summary>
    void Step(int step, ReadOnlySpan<float> noisePrediction, Span<float> latents);
}
