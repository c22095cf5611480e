using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class SigmaSpaceTests
{
    [Fact]
    public void ScaleModelInput_Sigma_DividedByRootOfSigmaSquaredPlusOne()
    {
        float[] latents = [3f, -4f, 0.5f];
        var scaled = new float[3];

        SigmaSpace.ScaleModelInput(latents, 2, scaled);

        // √(2² + 1) = √5.
        Assert.Equal([3 / MathF.Sqrt(5), -4 / MathF.Sqrt(5), 0.5f / MathF.Sqrt(5)], scaled, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void AddNoise_Sigma_CleanPlusSigmaTimesNoise()
    {
        float[] clean = [1f, 2f];
        float[] noise = [0.5f, -1f];
        var noisy = new float[2];

        SigmaSpace.AddNoise(clean, noise, 3, noisy);

        Assert.Equal([2.5f, -1f], noisy);
    }

    [Fact]
    public void Denoised_NoisyLatents_RemovesSigmaTimesPrediction()
    {
        float[] noisy = [2.5f, -1f];
        float[] prediction = [0.5f, -1f];
        var clean = new float[2];

        SigmaSpace.Denoised(noisy, prediction, 3, clean);

        Assert.Equal([1f, 2f], clean);
    }

    [Fact]
    public void AddNoise_LengthsDiffer_Refused()
    {
        Assert.Throws<ArgumentException>(() => SigmaSpace.AddNoise(new float[2], new float[3], 1, new float[2]));
    }
}
