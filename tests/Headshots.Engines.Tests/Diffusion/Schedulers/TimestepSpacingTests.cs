using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class TimestepSpacingTests
{
    [Theory]
    [InlineData(30, 33)]
    [InlineData(50, 20)]
    public void Timesteps_Leading_MultiplesOfTheRatioPlusOffset(int steps, int ratio)
    {
        // Leading with SDXL's steps_offset 1: t_i = (N − 1 − i)·⌊1000/N⌋ + 1, so 958…1 for 30 and 981…1 for 50.
        var expected = Enumerable.Range(0, steps).Select(i => ((steps - 1 - i) * ratio) + 1).ToArray();

        Assert.Equal(expected, TimestepSpacings.Timesteps(TimestepSpacing.Leading, steps, 1000, 1));
        Assert.Equal(steps == 30 ? 958 : 981, expected[0]);
    }

    [Fact]
    public void Timesteps_Trailing30_RoundedThirdsDownFrom999()
    {
        // 1000 − i·1000/30 = (3000 − 100 i)/3, never a half, so rounding is (x + 1) div 3 for x = 3000 − 100 i; then −1.
        var expected = Enumerable.Range(0, 30).Select(i => ((3000 - (100 * i) + 1) / 3) - 1).ToArray();

        var timesteps = TimestepSpacings.Timesteps(TimestepSpacing.Trailing, 30, 1000, 1);

        Assert.Equal(expected, timesteps);
        Assert.Equal([999, 966, 932], timesteps[..3]);
        Assert.Equal(32, timesteps[^1]);
    }

    [Fact]
    public void Timesteps_Trailing50_EveryTwentiethFrom999()
    {
        var expected = Enumerable.Range(0, 50).Select(i => 999 - (20 * i)).ToArray();

        Assert.Equal(expected, TimestepSpacings.Timesteps(TimestepSpacing.Trailing, 50, 1000, 1));
    }

    [Fact]
    public void Timesteps_Trailing16_HalvesRoundToEven()
    {
        // 1000/16 = 62.5: 937.5 rounds to 938 (even) and 812.5 to 812 (even), as numpy rounds; then −1.
        var timesteps = TimestepSpacings.Timesteps(TimestepSpacing.Trailing, 16, 1000, 1);

        Assert.Equal([999, 937, 874, 811], timesteps[..4]);
    }
}
