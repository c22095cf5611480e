namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// One run's noise levels: step i takes the latents from <see cref="Sigmas"/>[i] to [i + 1] (the last is 0, clean),
/// telling the UNet <see cref="Timesteps"/>[i].
/// </summary>
internal sealed class SamplingSchedule
{
    private readonly double[] timesteps;
    private readonly double[] sigmas;

    private SamplingSchedule(double[] timesteps, double[] sigmas, double initNoiseSigma)
    {
        this.timesteps = timesteps;
        this.sigmas = sigmas;
        InitNoiseSigma = initNoiseSigma;
    }

    public int StepCount => timesteps.Length;

    /// <summary>The UNet's timestep input per step, highest first.</summary>
    public IReadOnlyList<double> Timesteps => timesteps;

    /// <summary><see cref="StepCount"/> + 1 noise levels, falling, ending at 0.</summary>
    public IReadOnlyList<double> Sigmas => sigmas;

    /// <summary>
    /// The scale of the starting noise for a run from pure noise (text-to-image, or inpainting at strength 1): latents
    /// = N(0, 1) × this. With leading spacing and for Karras σ it is √(σ₀² + 1), as diffusers has it (for DPM-Solver++
    /// that is its unit-variance start in its own variance-preserving scale); with trailing spacing σ₀.
    /// </summary>
    public double InitNoiseSigma { get; }

    /// <summary>The training timesteps picked by <paramref name="spacing"/>, each with its trained σ (Euler samplers).</summary>
    public static SamplingSchedule Spaced(NoiseSchedule schedule, int steps, TimestepSpacing spacing, int stepsOffset = 1)
    {
        var picked = TimestepSpacings.Timesteps(spacing, steps, schedule.TrainingSteps, stepsOffset);
        var sigmas = new double[steps + 1];
        for (var i = 0; i < steps; i++) sigmas[i] = schedule.Sigmas[picked[i]];
        var init = spacing == TimestepSpacing.Trailing ? sigmas[0] : Math.Sqrt((sigmas[0] * sigmas[0]) + 1);
        return new SamplingSchedule([.. picked.Select(t => (double)t)], sigmas, init);
    }

    /// <summary>
    /// Karras σ over the whole trained range (σ_max of the last timestep down to σ_min of the first), each mapped back
    /// to the nearest whole training timestep for the UNet, as diffusers' DPM-Solver++ with Karras σ does.
    /// </summary>
    public static SamplingSchedule Karras(NoiseSchedule schedule, int steps, double rho = KarrasSigmas.DefaultRho)
    {
        var karras = KarrasSigmas.Create(steps, schedule.SigmaMin, schedule.SigmaMax, rho);
        var timesteps = karras.Select(s => Math.Round(schedule.SigmaToTimestep(s))).ToArray();
        return new SamplingSchedule(timesteps, [.. karras, 0], Math.Sqrt((karras[0] * karras[0]) + 1));
    }

    /// <summary>
    /// Image-to-image: the last ⌊steps × strength⌋ steps only, so the run starts from the source's latents noised to
    /// <see cref="Sigmas"/>[0] of the result (<see cref="SigmaSpace.AddNoise"/>) rather than from pure noise.
    /// Strength 1 is the whole schedule.
    /// </summary>
    public SamplingSchedule ForStrength(double strength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(strength, 1);
        // int(steps * strength) in the reference: the same double product, truncated.
        var kept = Math.Min((int)(StepCount * strength), StepCount);
        if (kept == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, $"Strength {strength} of {StepCount} steps leaves no step to run.");
        }

        var start = StepCount - kept;
        return new SamplingSchedule(timesteps[start..], sigmas[start..], InitNoiseSigma);
    }
}
