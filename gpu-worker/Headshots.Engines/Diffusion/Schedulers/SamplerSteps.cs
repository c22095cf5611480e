namespace Headshots.Engines.Diffusion.Schedulers;

internal static class SamplerSteps
{
    /// <summary>Samplers keep state between steps (the last noise, the previous estimate), so steps go in order.</summary>
    public static void RequireNext(ref int nextStep, int step, int stepCount)
    {
        if (step != nextStep || step >= stepCount)
        {
            throw new InvalidOperationException($"Expected step {nextStep} of {stepCount}, got step {step}.");
        }

        nextStep++;
    }
}
