namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>How a run of N sampling steps picks its timesteps out of the training schedule's.</summary>
internal enum TimestepSpacing
{
    /// <summary>
    /// Every ⌊T/N⌋-th timestep counted from 0, plus the steps offset (1 in SDXL's scheduler config): for 30 steps
    /// 958, 925, …, 1. SDXL's shipped default, so what its published samples used. Never starts at T − 1, so the first
    /// step leaves a little signal in place.
    /// </summary>
    Leading,

    /// <summary>
    /// Counted down from the last timestep in steps of T/N, rounded: for 30 steps 999, 966, 932, …, 32. Starts from
    /// pure noise (Lin et al. 2023, "Common Diffusion Noise Schedules and Sample Steps are Flawed"); the offset is not
    /// used.
    /// </summary>
    Trailing,
}

internal static class TimestepSpacings
{
    /// <summary>The N training timesteps of a run, highest first.</summary>
    public static int[] Timesteps(TimestepSpacing spacing, int steps, int trainingSteps, int stepsOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, trainingSteps);
        var timesteps = new int[steps];
        switch (spacing)
        {
            case TimestepSpacing.Leading:
                var ratio = trainingSteps / steps;
                for (var i = 0; i < steps; i++) timesteps[i] = ((steps - 1 - i) * ratio) + stepsOffset;
                break;
            case TimestepSpacing.Trailing:
                // diffusers takes np.arange(T, 0, -T/N), which for a few N (61, 103, …) holds N + 1 values through
                // rounding; a run of N steps has N timesteps here. Math.Round rounds halves to even, as numpy does.
                var step = trainingSteps / (double)steps;
                for (var i = 0; i < steps; i++) timesteps[i] = (int)Math.Round(trainingSteps - (i * step)) - 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Unknown timestep spacing.");
        }

        return timesteps;
    }
}
