using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class DpmSolverPlusPlus2MSamplerTests
{
    private static NoiseSchedule Sdxl => NoiseSchedule.StableDiffusionXl;

    [Fact]
    public void Sample_DenoiserThatKnowsTheAnswer_ErrorShrinksBySigmaRatioAndEndsOnIt()
    {
        // A denoiser predicting x₀ exactly (ε = (x − x₀)/σ): both estimates are x₀, so each step scales x − x₀ by
        // σ_next/σ, and the last step (σ_next = 0) lands on x₀.
        float[] target = [0.7f, -1.2f, 0.05f];
        var schedule = SamplingSchedule.Karras(Sdxl, 12);
        var sampler = new DpmSolverPlusPlus2MSampler(schedule);
        var latents = new float[3];
        new GaussianNoise(3).Fill(0, latents);
        for (var i = 0; i < 3; i++) latents[i] = target[i] + ((float)schedule.Sigmas[0] * latents[i]);
        var prediction = new float[3];

        for (var step = 0; step < schedule.StepCount; step++)
        {
            var before = latents.ToArray();
            var sigma = schedule.Sigmas[step];
            for (var i = 0; i < 3; i++) prediction[i] = (float)((latents[i] - target[i]) / sigma);

            sampler.Step(step, prediction, latents);

            var ratio = schedule.Sigmas[step + 1] / sigma;
            for (var i = 0; i < 3; i++) Assert.Equal(target[i] + (ratio * (before[i] - target[i])), latents[i], 1e-4);
        }

        Assert.Equal(target, latents, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Sample_GaussianData_SecondOrderConvergenceToTheExactFlow()
    {
        var model = new GaussianDataModel(0.3, 0.25);

        var errors = new[] { 10, 20, 40 }.Select(steps => FlowErrorAtSigmaMin(model, steps)).ToArray();

        // A second-order method's error falls about fourfold as the steps double.
        Assert.True(errors[0] / errors[1] > 3, $"10→20 steps: {errors[0]} → {errors[1]}");
        Assert.True(errors[1] / errors[2] > 3, $"20→40 steps: {errors[1]} → {errors[2]}");
        Assert.True(errors[2] < 0.01, $"40 steps: {errors[2]}");
    }

    [Fact]
    public void Step_Last_LandsOnTheDenoisedEstimate()
    {
        var model = new GaussianDataModel(0.3, 0.25);
        var schedule = SamplingSchedule.Karras(Sdxl, 5);
        var sampler = new DpmSolverPlusPlus2MSampler(schedule);
        float[] latents = [(float)(model.Mean + Sdxl.SigmaMax)];
        var prediction = new float[1];
        for (var step = 0; step < 4; step++)
        {
            model.PredictNoise(latents, schedule.Sigmas[step], prediction);
            sampler.Step(step, prediction, latents);
        }

        var expected = model.Denoise(latents[0], schedule.Sigmas[4]);
        model.PredictNoise(latents, schedule.Sigmas[4], prediction);
        sampler.Step(4, prediction, latents);

        Assert.Equal(expected, latents[0], 1e-5);
    }

    [Fact]
    public void Step_First_FirstOrderExponentialStep()
    {
        // Step 0 has no previous estimate: x_next = (σ_next/σ)·x + (1 − σ_next/σ)·D.
        var schedule = SamplingSchedule.Karras(Sdxl, 10);
        var sampler = new DpmSolverPlusPlus2MSampler(schedule);
        float[] latents = [12f, -7f];
        float[] prediction = [0.9f, -0.4f];
        var before = latents.ToArray();

        sampler.Step(0, prediction, latents);

        var (sigma, next) = (schedule.Sigmas[0], schedule.Sigmas[1]);
        for (var i = 0; i < 2; i++)
        {
            var denoised = before[i] - (sigma * prediction[i]);
            Assert.Equal((next / sigma * before[i]) + ((1 - (next / sigma)) * denoised), latents[i], 1e-4);
        }
    }

    [Fact]
    public void Step_Repeated_Refused()
    {
        var sampler = new DpmSolverPlusPlus2MSampler(SamplingSchedule.Karras(Sdxl, 10));
        sampler.Step(0, new float[1], new float[1]);

        Assert.Throws<InvalidOperationException>(() => sampler.Step(0, new float[1], new float[1]));
    }

    private static double FlowErrorAtSigmaMin(GaussianDataModel model, int steps)
    {
        var schedule = SamplingSchedule.Karras(Sdxl, steps);
        var sampler = new DpmSolverPlusPlus2MSampler(schedule);
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
