using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class PortableMathTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(1.4142135623730951)]
    [InlineData(1.1102230246251565E-16)]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    [InlineData(14.6146)]
    [InlineData(0.0292)]
    public void Log_Value_AgreesWithTheBclWithinAFewUlps(double x)
    {
        var expected = Math.Log(x);

        var ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        Assert.True(Math.Abs(PortableMath.Log(x) - expected) <= 4 * ulp, $"ln {x:R}: {PortableMath.Log(x):R} against {expected:R}");
    }

    [Fact]
    public void Log_ManyUniforms_AgreeWithTheBcl()
    {
        var random = new Random(1);
        for (var i = 0; i < 100_000; i++)
        {
            var x = random.NextDouble() + 1e-12;
            var expected = Math.Log(x);
            Assert.True(Math.Abs(PortableMath.Log(x) - expected) <= 4e-16 * Math.Max(1, Math.Abs(expected)), $"ln {x:R}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Log_NotPositiveFinite_Refused(double x)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(x));
    }

    [Fact]
    public void CosSinOfTurns_QuarterTurns_Exact()
    {
        Assert.Equal((1.0, 0.0), PortableMath.CosSinOfTurns(0));
        Assert.Equal((0.0, 1.0), PortableMath.CosSinOfTurns(0.25));
        Assert.Equal((-1.0, 0.0), PortableMath.CosSinOfTurns(0.5));
        Assert.Equal((0.0, -1.0), PortableMath.CosSinOfTurns(0.75));
    }

    [Fact]
    public void CosSinOfTurns_ManyUniforms_AgreeWithTheBcl()
    {
        var random = new Random(2);
        for (var i = 0; i < 100_000; i++)
        {
            var turns = random.NextDouble();
            var (cos, sin) = PortableMath.CosSinOfTurns(turns);
            // 2π·turns itself is rounded before Math.Cos sees it, so compare within a few 1e-16 of a unit circle.
            Assert.True(Math.Abs(cos - Math.Cos(2 * Math.PI * turns)) < 2e-15, $"cos {turns:R}");
            Assert.True(Math.Abs(sin - Math.Sin(2 * Math.PI * turns)) < 2e-15, $"sin {turns:R}");
        }
    }
}
