using Headshots.Engines.Diffusion.Vae;

namespace Headshots.Engines.Tests.Diffusion.Vae;

public sealed class VaeScalingTests
{
    [Fact]
    public void SdxlScalingFactor_PublishedValue()
    {
        // SDXL's VAE config: "scaling_factor": 0.13025.
        Assert.Equal(0.13025f, VaeScaling.SdxlScalingFactor);
    }

    [Fact]
    public void ToUNetLatents_ThenBack_TimesTheFactorThenTheSame()
    {
        float[] latents = [1f, -7.5f, 0.25f];

        VaeScaling.ToUNetLatents(latents);

        Assert.Equal([0.13025f, -7.5f * 0.13025f, 0.25f * 0.13025f], latents);
        VaeScaling.ToVaeLatents(latents);
        Assert.Equal([1f, -7.5f, 0.25f], latents, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Theory]
    [InlineData(0f, -1f)]
    [InlineData(0.5f, 0f)]
    [InlineData(1f, 1f)]
    public void ToVaePixel_UnitRange_MinusOneToOne(float unit, float vae)
    {
        Assert.Equal(vae, VaeScaling.ToVaePixel(unit));
        Assert.Equal(unit, VaeScaling.FromVaePixel(vae));
    }

    [Theory]
    [InlineData(-1.3f, 0f)]
    [InlineData(1.2f, 1f)]
    public void FromVaePixel_Overshoot_Clamped(float vae, float unit)
    {
        Assert.Equal(unit, VaeScaling.FromVaePixel(vae));
    }
}
