using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class NoiseScheduleTests
{
    private static NoiseSchedule Sdxl => NoiseSchedule.StableDiffusionXl;

    [Fact]
    public void StableDiffusionXl_FullSchedule_PublishedSigmaRange()
    {
        // The published σ range of SD/SDXL's scaled-linear schedule (k-diffusion, diffusers): 14.6146 to 0.0292.
        Assert.Equal(1000, Sdxl.TrainingSteps);
        Assert.Equal(14.6146, Sdxl.SigmaMax, 0.00005);
        Assert.Equal(0.0292, Sdxl.SigmaMin, 0.00005);
    }

    [Fact]
    public void ScaledLinear_Betas_EndpointsAndLinearInSquareRoot()
    {
        Assert.Equal(0.00085, Sdxl.Betas[0], 1e-15);
        Assert.Equal(0.012, Sdxl.Betas[^1], 1e-15);
        var step = (Math.Sqrt(0.012) - Math.Sqrt(0.00085)) / 999;
        for (var t = 1; t < 1000; t++) Assert.Equal(step, Math.Sqrt(Sdxl.Betas[t]) - Math.Sqrt(Sdxl.Betas[t - 1]), 1e-15);
    }

    [Fact]
    public void Sigmas_EachStep_RatioOfOnePlusSigmaSquaredIsOneOverOneMinusBeta()
    {
        // σ² = 1/ᾱ − 1 and ᾱ_t = ᾱ_{t−1}(1 − β_t), so (1 + σ_t²)/(1 + σ_{t−1}²) = 1/(1 − β_t); and ᾱ_0 = 1 − β_0.
        Assert.Equal(Math.Sqrt(Sdxl.Betas[0] / (1 - Sdxl.Betas[0])), Sdxl.Sigmas[0], 1e-15);
        for (var t = 1; t < 1000; t++)
        {
            var ratio = (1 + (Sdxl.Sigmas[t] * Sdxl.Sigmas[t])) / (1 + (Sdxl.Sigmas[t - 1] * Sdxl.Sigmas[t - 1]));
            Assert.Equal(1 / (1 - Sdxl.Betas[t]), ratio, 1e-12);
            Assert.Equal(1 / (1 + (Sdxl.Sigmas[t] * Sdxl.Sigmas[t])), Sdxl.AlphasCumprod[t], 1e-12);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    [InlineData(958)]
    [InlineData(999)]
    public void SigmaToTimestep_TrainedSigma_ItsTimestep(int t)
    {
        Assert.Equal(t, Sdxl.SigmaToTimestep(Sdxl.Sigmas[t]), 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(321)]
    [InlineData(998)]
    public void SigmaToTimestep_GeometricMeanOfNeighbours_Halfway(int t)
    {
        // Linear in ln σ: the geometric mean of σ_t and σ_{t+1} is t + ½.
        var sigma = Math.Sqrt(Sdxl.Sigmas[t] * Sdxl.Sigmas[t + 1]);

        Assert.Equal(t + 0.5, Sdxl.SigmaToTimestep(sigma), 1e-9);
    }

    [Fact]
    public void SigmaToTimestep_OutsideTheTrainedRange_Clamped()
    {
        Assert.Equal(0, Sdxl.SigmaToTimestep(0.001));
        Assert.Equal(999, Sdxl.SigmaToTimestep(100));
    }
}
