namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// Karras et al. 2022 ("Elucidating the Design Space of Diffusion-Based Generative Models", eq. 5): N noise levels
/// evenly spaced in σ^(1/ρ) from σ_max down to σ_min. ρ = 7 spends more steps at low noise, where detail forms.
/// </summary>
internal static class KarrasSigmas
{
    public const double DefaultRho = 7;

    public static double[] Create(int steps, double sigmaMin, double sigmaMax, double rho = DefaultRho)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaMin);
        ArgumentOutOfRangeException.ThrowIfLessThan(sigmaMax, sigmaMin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rho);

        var maxInvRho = Math.Pow(sigmaMax, 1 / rho);
        var minInvRho = Math.Pow(sigmaMin, 1 / rho);
        var sigmas = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            // One step is σ_max alone, as numpy's linspace(0, 1, 1) gives [0].
            var ramp = steps == 1 ? 0 : i / (double)(steps - 1);
            sigmas[i] = Math.Pow(maxInvRho + (ramp * (minInvRho - maxInvRho)), rho);
        }

        return sigmas;
    }
}
