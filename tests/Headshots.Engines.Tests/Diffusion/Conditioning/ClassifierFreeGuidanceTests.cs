using Headshots.Engines.Diffusion.Conditioning;

namespace Headshots.Engines.Tests.Diffusion.Conditioning;

public sealed class ClassifierFreeGuidanceTests
{
    private static readonly float[] Unconditional = [1f, -2f, 0.5f];
    private static readonly float[] Conditional = [3f, -1f, 0.5f];

    [Fact]
    public void Combine_ScaleOne_ConditionalPrediction()
    {
        var guided = new float[3];

        ClassifierFreeGuidance.Combine(Unconditional, Conditional, 1, guided);

        Assert.Equal(Conditional, guided);
    }

    [Fact]
    public void Combine_ScaleZero_UnconditionalPrediction()
    {
        var guided = new float[3];

        ClassifierFreeGuidance.Combine(Unconditional, Conditional, 0, guided);

        Assert.Equal(Unconditional, guided);
    }

    [Fact]
    public void Combine_ScaleSevenAndAHalf_ExtrapolatesPastTheConditional()
    {
        var guided = new float[3];

        ClassifierFreeGuidance.Combine(Unconditional, Conditional, 7.5f, guided);

        // 1 + 7.5·2 = 16, −2 + 7.5·1 = 5.5, 0.5 + 0 = 0.5.
        Assert.Equal([16f, 5.5f, 0.5f], guided);
    }

    [Fact]
    public void CombineBatch_UnconditionalHalfFirst_SameAsCombine()
    {
        var guided = new float[3];

        ClassifierFreeGuidance.CombineBatch([.. Unconditional, .. Conditional], 7.5f, guided);

        Assert.Equal([16f, 5.5f, 0.5f], guided);
    }

    [Fact]
    public void CombineBatch_NotTwiceTheLength_Refused()
    {
        Assert.Throws<ArgumentException>(() => ClassifierFreeGuidance.CombineBatch(new float[5], 5, new float[3]));
    }
}
