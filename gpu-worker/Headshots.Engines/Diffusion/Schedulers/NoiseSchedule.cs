namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// The noise schedule a model was trained with, over its training timesteps: betas, their cumulative alpha product,
/// and the equivalent noise levels σ<sub>t</sub> = √((1 − ᾱ<sub>t</sub>) / ᾱ<sub>t</sub>), which is the scale the
/// samplers here work in (a noisy latent is x₀ + σ·ε).
/// </summary>
/// <remarks>
/// Computed in double. The reference (diffusers) computes betas and the product in float32, so its σ differ from these
/// by about 1e-6 relative: far below what the UNet or the image can tell.
/// </remarks>
internal sealed class NoiseSchedule
{
    private readonly double[] betas;
    private readonly double[] alphasCumprod;
    private readonly double[] sigmas;
    private readonly double[] logSigmas;

    private NoiseSchedule(double[] betas)
    {
        this.betas = betas;
        alphasCumprod = new double[betas.Length];
        sigmas = new double[betas.Length];
        logSigmas = new double[betas.Length];
        var product = 1.0;
        for (var t = 0; t < betas.Length; t++)
        {
            product *= 1 - betas[t];
            alphasCumprod[t] = product;
            sigmas[t] = Math.Sqrt((1 - product) / product);
            logSigmas[t] = Math.Log(sigmas[t]);
        }
    }

    /// <summary>SD 1.x and SDXL's schedule (base and inpainting models alike).</summary>
    public static NoiseSchedule StableDiffusionXl { get; } = ScaledLinear(0.00085, 0.012, 1000);

    public int TrainingSteps => betas.Length;

    public IReadOnlyList<double> Betas => betas;

    public IReadOnlyList<double> AlphasCumprod => alphasCumprod;

    /// <summary>σ by training timestep, rising with t.</summary>
    public IReadOnlyList<double> Sigmas => sigmas;

    public double SigmaMin => sigmas[0];

    public double SigmaMax => sigmas[^1];

    /// <summary>"scaled_linear": √β rises linearly from √<paramref name="betaStart"/> to √<paramref name="betaEnd"/>.</summary>
    public static NoiseSchedule ScaledLinear(double betaStart, double betaEnd, int trainingSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainingSteps, 2);
        var from = Math.Sqrt(betaStart);
        var to = Math.Sqrt(betaEnd);
        var betas = new double[trainingSteps];
        for (var t = 0; t < trainingSteps; t++)
        {
            var root = from + ((to - from) * t / (trainingSteps - 1));
            betas[t] = root * root;
        }

        return new NoiseSchedule(betas);
    }

    /// <summary>
    /// The (fractional) training timestep whose noise level is <paramref name="sigma"/>: linear in log σ between the two
    /// neighbouring timesteps, clamped to the trained range, as diffusers maps Karras σ back to the UNet's timestep.
    /// </summary>
    public double SigmaToTimestep(double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        var logSigma = Math.Log(sigma);
        if (logSigma <= logSigmas[0]) return 0;
        if (logSigma >= logSigmas[^1]) return logSigmas.Length - 1;

        // The last timestep whose σ is at most the target; σ rises with t, so a binary search finds it.
        var index = Array.BinarySearch(logSigmas, logSigma);
        var low = index >= 0 ? index : ~index - 1;
        if (low == logSigmas.Length - 1) return low;
        var weight = (logSigma - logSigmas[low]) / (logSigmas[low + 1] - logSigmas[low]);
        return low + weight;
    }
}
