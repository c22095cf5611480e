namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// DPM-Solver++(2M) (Lu et al. 2022), the "DPM++ 2M" of k-diffusion: an exponential-integrator step on the model's
/// clean-latent estimate, second order by extrapolating from the previous step's estimate (a multistep method, so one
/// UNet call per step). Deterministic: no noise after the start. Usually paired with <see cref="SamplingSchedule.Karras"/>.
/// </summary>
/// <remarks>
/// In λ = −ln σ, with h = λ_next − λ: x_next = (σ_next/σ)·x − (e^(−h) − 1)·D, where D is the estimate x − σ·ε on the
/// first step and on the last (σ_next = 0, where the step lands on the estimate itself), and otherwise
/// (1 + 1/(2r))·D − (1/(2r))·D_prev with r = h_prev/h. diffusers additionally drops to first order on the
/// second-to-last step of runs under 15 steps; this follows k-diffusion.
/// </remarks>
internal sealed class DpmSolverPlusPlus2MSampler(SamplingSchedule schedule) : IDiffusionSampler
{
    private float[] denoised = [];
    private float[] previousDenoised = [];
    private int nextStep;

    public SamplingSchedule Schedule { get; } = schedule;

    public void Step(int step, ReadOnlySpan<float> noisePrediction, Span<float> latents)
    {
        SamplerSteps.RequireNext(ref nextStep, step, Schedule.StepCount);
        SigmaSpace.RequireSameLength(latents.Length, noisePrediction.Length);
        if (denoised.Length != latents.Length)
        {
            denoised = new float[latents.Length];
            previousDenoised = new float[latents.Length];
        }

        var sigma = Schedule.Sigmas[step];
        var sigmaNext = Schedule.Sigmas[step + 1];
        SigmaSpace.Denoised(latents, noisePrediction, sigma, denoised);

        if (sigmaNext == 0)
        {
            denoised.CopyTo(latents);
        }
        else
        {
            // e^(−h) is σ_next/σ, so −(e^(−h) − 1) is 1 − σ_next/σ. PortableMath keeps the coefficients bit-identical
            // across platforms, like the noise.
            var h = PortableMath.Log(sigma) - PortableMath.Log(sigmaNext);
            var keep = (float)(sigmaNext / sigma);
            var towards = (float)(1 - (sigmaNext / sigma));
            if (step == 0)
            {
                for (var i = 0; i < latents.Length; i++) latents[i] = (keep * latents[i]) + (towards * denoised[i]);
            }
            else
            {
                var hPrevious = PortableMath.Log(Schedule.Sigmas[step - 1]) - PortableMath.Log(sigma);
                var half = 1 / (2 * (hPrevious / h));
                var current = (float)((1 - (sigmaNext / sigma)) * (1 + half));
                var previous = (float)((1 - (sigmaNext / sigma)) * half);
                for (var i = 0; i < latents.Length; i++)
                {
                    latents[i] = (keep * latents[i]) + (current * denoised[i]) - (previous * previousDenoised[i]);
                }
            }
        }

        (denoised, previousDenoised) = (previousDenoised, denoised);
    }
}
