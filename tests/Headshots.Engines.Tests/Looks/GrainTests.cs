using Headshots.Engines.Looks;

namespace Headshots.Engines.Tests.Looks;

public sealed class GrainTests
{
    [Theory]
    [InlineData(13, 0, 1.7f)]
    [InlineData(1401, 977, 3.5f)]
    public void Fill_EightPixelsAtATime_GivesTheBitsOfThePerPixelNoise(int width, int y, float sigma)
    {
        const uint seed = 123_456_789;
        var row = new Grain.GrainRow(width);

        row.Fill(y, seed, sigma);

        for (var x = 0; x < width; x++)
        {
            Assert.Equal(sigma * Noise.Triangle((uint)x, (uint)y, seed), row.Luma[x]);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(0.3f * sigma * Noise.Flat((uint)x, (uint)y, seed + 16 + (uint)(4 * c)), row.Chroma[c][x]);
            }
        }
    }
}
