using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class EulerAncestralSamplerTests
{
    private static NoiseSchedule Sdxl => NoiseSchedule.StableDiffusionXl;

    [Fact]
    public void Step_EtaZero_PlainEulerStep()
    {
        var schedule = SamplingSchedule.Spaced(Sdxl, 30, TimestepSpacing.Leading);
        var sampler = new EulerAncestralSampler(schedule, new GaussianNoise(1), eta: 0);
        float[] latents = [10f, -3f, 0.25f];
        float[] prediction = [0.5f, -0.2f, 1.5f];
        var before = latents.ToArray();

        sampler.Step(0, prediction, latents);

        // Euler on dx/dσ = (x − D)/σ, where D = x − σε: x + (σ_next − σ)·ε.
        var dt = schedule.Sigmas[1] - schedule.Sigmas[0];
        for (var i = 0; i < 3; i++) Assert.Equal(before[i] + (dt * prediction[i]), latents[i], 1e-5);
    }

    [Fact]
    public void Step_EtaOne_EulerToSigmaDownPlusSigmaUpOfTheStepsNoise()
    {
        var schedule = SamplingSchedule.Spaced(Sdxl, 30, TimestepSpacing.Leading);
        var sampler = new EulerAncestralSampler(schedule, new GaussianNoise(99));
        float[] latents = [10f, -3f, 0.25f, 4f];
        float[] prediction = [0.5f, -0.2f, 1.5f, 0f];
        var before = latents.ToArray();
        var noise = new float[4];
        new GaussianNoise(99).Fill(EulerAncestralSampler.FirstNoiseStream, noise);

        sampler.Step(0, prediction, latents);

        var (sigma, next) = (schedule.Sigmas[0], schedule.Sigmas[1]);
        var up = Math.Sqrt(next * next * ((sigma * sigma) - (next * next)) / (sigma * sigma));
        var down = Math.Sqrt((next * next) - (up * up));
        for (var i = 0; i < 4; i++) Assert.Equal(before[i] + ((down - sigma) * prediction[i]) + (up * noise[i]), latents[i], 1e-5);
    }

    [Theory]
    [InlineData(14.6, 10.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(0.1, 0.03)]
    public void AncestralSigmas_EtaOne_ReachSigmaNextInVariance(double sigma, double next)
    {
        var (up, down) = EulerAncestralSampler.AncestralSigmas(sigma, next, 1);

        Assert.Equal(next * next, (up * up) + (down * down), 1e-12);
        // σ_down = σ_next²/σ when η = 1.
        Assert.Equal(next * next / sigma, down, 1e-12);
    }

    [Fact]
    public void AncestralSigmas_LastStep_NoNoise()
    {
        Assert.Equal((0.0, 0.0), EulerAncestralSampler.AncestralSigmas(0.03, 0, 1));
    }

    [Fact]
    public void Sample_EtaZeroOnGaussianData_FirstOrderConvergenceToTheExactFlow()
    {
        var model = new GaussianDataModel(0.3, 0.25);

        var errors = new[] { 10, 20, 40 }.Select(steps => FlowErrorAtSigmaMin(model, steps)).ToArray();

        // Euler's error halves as the steps double.
        Assert.InRange(errors[0] / errors[1], 1.8, 2.2);
        Assert.InRange(errors[1] / errors[2], 1.8, 2.2);
    }

    [Fact]
    public void Sample_EtaOneOnGaussianData_VarianceFollowsTheStepRecurrence()
    {
        // Per element x − μ ← a·(x − μ) + σ_up·z with a = 1 + (σ_down − σ)·σ/(s² + σ²), so the variance goes
        // v ← a²·v + σ_up², from v = s² + σ_max² (the data noised to σ_max), independently of the sampler's code.
        var model = new GaussianDataModel(0.3, 0.25);
        var schedule = SamplingSchedule.Karras(Sdxl, 30);
        var expected = model.Variance + (Sdxl.SigmaMax * Sdxl.SigmaMax);
        for (var i = 0; i < 30; i++)
        {
            var (sigma, next) = (schedule.Sigmas[i], schedule.Sigmas[i + 1]);
            var up = next == 0 ? 0 : Math.Sqrt(next * next * ((sigma * sigma) - (next * next)) / (sigma * sigma));
            var down = Math.Sqrt((next * next) - (up * up));
            var a = 1 + ((down - sigma) * sigma / (model.Variance + (sigma * sigma)));
            expected = (a * a * expected) + (up * up);
        }

        var latents = new float[200_000];
        new GaussianNoise(5).Fill(0, latents);
        var start = Math.Sqrt(model.Variance + (Sdxl.SigmaMax * Sdxl.SigmaMax));
        for (var i = 0; i < latents.Length; i++) latents[i] = (float)(model.Mean + (start * latents[i]));
        var sampler = new EulerAncestralSampler(schedule, new GaussianNoise(5));
        var prediction = new float[latents.Length];
        for (var step = 0; step < 30; step++)
        {
            model.PredictNoise(latents, schedule.Sigmas[step], prediction);
            sampler.Step(step, prediction, latents);
        }

        var mean = latents.Average(v => (double)v);
        var variance = latents.Average(v => ((double)v - mean) * ((double)v - mean));
        Assert.InRange(mean, model.Mean - 0.005, model.Mean + 0.005);
        Assert.InRange(variance / expected, 0.98, 1.02);
    }

    [Theory]
    [InlineData(11, 11, true)]
    [InlineData(11, 12, false)]
    public void Sample_WholeRun_SameSeedSameLatents(ulong firstSeed, ulong secondSeed, bool same)
    {
        var model = new GaussianDataModel(0.3, 0.25);

        var first = Run(model, firstSeed);
        var second = Run(model, secondSeed);

        Assert.Equal(same, first.SequenceEqual(second));
    }

    [Fact]
    public void Step_OutOfOrder_Refused()
    {
        var sampler = new EulerAncestralSampler(SamplingSchedule.Karras(Sdxl, 10), new GaussianNoise(1));

        Assert.Throws<InvalidOperationException>(() => sampler.Step(1, new float[1], new float[1]));
    }

    private static float[] Run(GaussianDataModel model, ulong seed)
    {
        var schedule = SamplingSchedule.Spaced(Sdxl, 20, TimestepSpacing.Leading);
        var noise = new GaussianNoise(seed);
        var latents = new float[1000];
        noise.Fill(0, latents);
        for (var i = 0; i < latents.Length; i++) latents[i] *= (float)schedule.InitNoiseSigma;
        var sampler = new EulerAncestralSampler(schedule, noise);
        var prediction = new float[latents.Length];
        for (var step = 0; step < schedule.StepCount; step++)
        {
            model.PredictNoise(latents, schedule.Sigmas[step], prediction);
            sampler.Step(step, prediction, latents);
        }

        return latents;
    }

    /// <summary>|sampled − exact flow| after the step that lands on σ_min, for one element started at μ + 2σ_max.</summary>
    private static double FlowErrorAtSigmaMin(GaussianDataModel model, int steps)
    {
        var schedule = SamplingSchedule.Karras(Sdxl, steps);
        var sampler = new EulerAncestralSampler(schedule, new GaussianNoise(0), eta: 0);
        var start = model.Mean + (2 * Sdxl.SigmaMax);
        float[] latents = [(float)start];
        var prediction = new float[1];
        for (var step = 0; step < steps - 1; step++)
        {
            model.PredictNoise(latents, schedule.Sigmas[step], prediction);
            sampler.Step(step, prediction, latents);
        }

        return Math.Abs(latents[0] - model.Flow(start, Sdxl.SigmaMax, Sdxl.SigmaMin));
    }
}
