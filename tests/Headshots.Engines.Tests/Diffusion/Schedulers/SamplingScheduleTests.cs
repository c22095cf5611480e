using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class SamplingScheduleTests
{
    private static NoiseSchedule Sdxl => NoiseSchedule.StableDiffusionXl;

    [Fact]
    public void Spaced_Leading30_TrainedSigmasThenZero()
    {
        var schedule = SamplingSchedule.Spaced(Sdxl, 30, TimestepSpacing.Leading);

        Assert.Equal(30, schedule.StepCount);
        Assert.Equal(31, schedule.Sigmas.Count);
        for (var i = 0; i < 30; i++) Assert.Equal(Sdxl.Sigmas[(int)schedule.Timesteps[i]], schedule.Sigmas[i]);
        Assert.Equal(0, schedule.Sigmas[^1]);
        Assert.Equal(958, schedule.Timesteps[0]);
    }

    [Fact]
    public void InitNoiseSigma_Leading_RootOfSigmaSquaredPlusOne()
    {
        var schedule = SamplingSchedule.Spaced(Sdxl, 30, TimestepSpacing.Leading);

        Assert.Equal(Math.Sqrt((Sdxl.Sigmas[958] * Sdxl.Sigmas[958]) + 1), schedule.InitNoiseSigma, 1e-12);
    }

    [Fact]
    public void InitNoiseSigma_Trailing_FirstSigma()
    {
        var schedule = SamplingSchedule.Spaced(Sdxl, 30, TimestepSpacing.Trailing);

        Assert.Equal(Sdxl.Sigmas[999], schedule.InitNoiseSigma, 1e-12);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(25)]
    [InlineData(30)]
    public void Karras_Steps_FromSigmaMaxToSigmaMinThenZero(int steps)
    {
        var schedule = SamplingSchedule.Karras(Sdxl, steps);

        Assert.Equal(steps + 1, schedule.Sigmas.Count);
        Assert.Equal(Sdxl.SigmaMax, schedule.Sigmas[0], 1e-12);
        Assert.Equal(Sdxl.SigmaMin, schedule.Sigmas[steps - 1], 1e-12);
        Assert.Equal(0, schedule.Sigmas[steps]);
        for (var i = 1; i <= steps; i++) Assert.True(schedule.Sigmas[i] < schedule.Sigmas[i - 1]);
        Assert.Equal(999, schedule.Timesteps[0]);
        Assert.Equal(0, schedule.Timesteps[^1]);
        for (var i = 1; i < steps; i++) Assert.True(schedule.Timesteps[i] <= schedule.Timesteps[i - 1]);
    }

    [Fact]
    public void KarrasSigmas_Midpoint_RhoMeanOfTheEnds()
    {
        // With an odd count the middle ramp value is ½: σ = ((σ_max^(1/ρ) + σ_min^(1/ρ)) / 2)^ρ.
        const double max = 14.6146, min = 0.0292, rho = 7;

        var sigmas = KarrasSigmas.Create(21, min, max, rho);

        var expected = Math.Pow((Math.Pow(max, 1 / rho) + Math.Pow(min, 1 / rho)) / 2, rho);
        Assert.Equal(expected, sigmas[10], 1e-12);
        Assert.Equal(max, sigmas[0], 1e-12);
        Assert.Equal(min, sigmas[20], 1e-12);
    }

    [Fact]
    public void KarrasSigmas_QuarterPoint_RhoFormula()
    {
        // Index 5 of 21 is ramp ¼: σ^(1/ρ) a quarter of the way from σ_max^(1/ρ) to σ_min^(1/ρ).
        var sigmas = KarrasSigmas.Create(21, 0.0292, 14.6146);

        var root = Math.Pow(sigmas[5], 1.0 / 7);
        Assert.Equal((0.75 * Math.Pow(14.6146, 1.0 / 7)) + (0.25 * Math.Pow(0.0292, 1.0 / 7)), root, 1e-12);
    }

    [Theory]
    [InlineData(30, 0.3, 9)]
    [InlineData(30, 0.75, 22)]
    [InlineData(50, 0.35, 17)]
    [InlineData(30, 1.0, 30)]
    public void ForStrength_Fraction_LastStepsOfTheFullSchedule(int steps, double strength, int kept)
    {
        var full = SamplingSchedule.Spaced(Sdxl, steps, TimestepSpacing.Leading);

        var partial = full.ForStrength(strength);

        Assert.Equal(kept, partial.StepCount);
        Assert.Equal(full.Timesteps.Skip(steps - kept), partial.Timesteps);
        Assert.Equal(full.Sigmas.Skip(steps - kept), partial.Sigmas);
    }

    [Fact]
    public void ForStrength_TooSmallForOneStep_Refused()
    {
        var full = SamplingSchedule.Spaced(Sdxl, 30, TimestepSpacing.Leading);

        Assert.Throws<ArgumentOutOfRangeException>(() => full.ForStrength(0.02));
    }
}
