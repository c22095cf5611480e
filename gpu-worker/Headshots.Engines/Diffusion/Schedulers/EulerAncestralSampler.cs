namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// Euler ancestral: each step takes an Euler step of the probability-flow ODE down to σ_down, then adds fresh noise of
/// σ_up, with σ_down² + σ_up² = σ_next², so the latents reach σ_next with some of their noise renewed. η scales the
/// renewed part: η = 1 is the usual ancestral sampler, η = 0 plain (deterministic) Euler.
/// </summary>
/// <remarks>Step i's noise is stream <see cref="FirstNoiseStream"/> + i of the seeded <see cref="GaussianNoise"/>.</remarks>
internal sealed class EulerAncestralSampler : IDiffusionSampler
{
    /// <summary>Stream 0 is left to the caller's starting noise.</summary>
    public const ulong FirstNoiseStream = 1;

    private readonly GaussianNoise noise;
    private readonly double eta;
    private float[] stepNoise = [];
    private int nextStep;

    public EulerAncestralSampler(SamplingSchedule schedule, GaussianNoise noise, double eta = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eta);
        Schedule = schedule;
        this.noise = noise;
        this.eta = eta;
    }

    public SamplingSchedule Schedule { get; }

    /// <summary>σ_up and σ_down for a step from σ to σ_next (k-diffusion's get_ancestral_step).</summary>
    public static (double Up, double Down) AncestralSigmas(double sigma, double sigmaNext, double eta)
    {
        if (eta == 0 || sigmaNext == 0) return (0, sigmaNext);
        var up = Math.Min(sigmaNext, eta * Math.Sqrt(sigmaNext * sigmaNext * ((sigma * sigma) - (sigmaNext * sigmaNext)) / (sigma * sigma)));
        return (up, Math.Sqrt((sigmaNext * sigmaNext) - (up * up)));
    }

    public void Step(int step, ReadOnlySpan<float> noisePrediction, Span<float> latents)
    {
        SamplerSteps.RequireNext(ref nextStep, step, Schedule.StepCount);
        SigmaSpace.RequireSameLength(latents.Length, noisePrediction.Length);
        var sigma = Schedule.Sigmas[step];
        var (up, down) = AncestralSigmas(sigma, Schedule.Sigmas[step + 1], eta);

        // The ODE's derivative (x − x₀̂)/σ is the noise prediction itself in this scale.
        var dt = (float)(down - sigma);
        for (var i = 0; i < latents.Length; i++) latents[i] += dt * noisePrediction[i];
        if (up == 0) return;

        if (stepNoise.Length != latents.Length) stepNoise = new float[latents.Length];
        noise.Fill(FirstNoiseStream + (ulong)step, stepNoise);
        var scale = (float)up;
        for (var i = 0; i < latents.Length; i++) latents[i] += scale * stepNoise[i];
    }
}
