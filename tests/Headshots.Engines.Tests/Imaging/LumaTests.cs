using Headshots.Engines.Imaging;

namespace Headshots.Engines.Tests.Imaging;

public sealed class LumaTests
{
    [Theory]
    [InlineData(1, 0, 0, 0.2126)]
    [InlineData(0, 1, 0, 0.7152)]
    [InlineData(0, 0, 1, 0.0722)]
    [InlineData(1, 1, 1, 1.0)]
    public void Of_PurePrimaries_EqualRec709Weights(float r, float g, float b, double expected)
    {
        Assert.Equal(expected, Luma.Of(r, g, b), 1e-6);
        Assert.Equal(expected, Luma.Of((double)r, g, b), 1e-12);
    }

    [Fact]
    public void Plane_PackedBytes_GivesOneBrightnessPerPixel()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255];

        var plane = Luma.Plane(rgb, 4, 255f);

        Assert.Equal([0.2126f, 0.7152f, 0.0722f, 1f], plane.Select(v => MathF.Round(v, 4)));
    }

    [Fact]
    public void Plane_TooFewBytes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Luma.Plane(new byte[5], 2));
    }
}
