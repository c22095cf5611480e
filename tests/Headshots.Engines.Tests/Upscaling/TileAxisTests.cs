using Headshots.Engines.Upscaling;

namespace Headshots.Engines.Tests.Upscaling;

public sealed class TileAxisTests
{
    [Theory]
    [InlineData(1024, 384, 16)]
    [InlineData(816, 384, 16)]
    [InlineData(1020, 384, 16)]
    [InlineData(4000, 512, 32)]
    [InlineData(577, 576, 32)]
    [InlineData(300, 128, 32)]
    [InlineData(300, 128, 0)]
    public void Plan_LongAxis_EqualTilesCoverItWithTheOverlap(int length, int tileSize, int overlap)
    {
        var spans = TileAxis.Plan(length, tileSize, overlap);

        Assert.Equal(0, spans[0].Start);
        Assert.Equal(length, spans[^1].End);
        Assert.All(spans, s => Assert.Equal(spans[0].Length, s.Length));
        Assert.InRange(spans[0].Length, 1, tileSize);
        for (var i = 1; i < spans.Count; i++) Assert.InRange(spans[i - 1].End - spans[i].Start, overlap, spans[0].Length / 2);
    }

    [Fact]
    public void Plan_1024WithDefaults_ThreeTilesOf352()
    {
        var tiling = EsrganTiling.Default;

        var spans = TileAxis.Plan(1024, tiling.TileSize, tiling.Overlap);

        Assert.Equal([new TileSpan(0, 352), new TileSpan(336, 352), new TileSpan(672, 352)], spans);
    }

    [Fact]
    public void Plan_ShortAxis_OneTile()
    {
        Assert.Equal([new TileSpan(0, 100)], TileAxis.Plan(100, 576, 32));
    }

    [Theory]
    [InlineData(1024, 384, 16)]
    [InlineData(300, 128, 32)]
    [InlineData(300, 128, 0)]
    public void Weights_EveryOutputPixel_AddsUpToOne(int length, int tileSize, int overlap)
    {
        var spans = TileAxis.Plan(length, tileSize, overlap);

        var weights = TileAxis.Weights(spans, 4);

        var total = new double[length * 4];
        for (var i = 0; i < spans.Count; i++)
        {
            Assert.Equal(spans[i].Length * 4, weights[i].Length);
            for (var x = 0; x < weights[i].Length; x++) total[(spans[i].Start * 4) + x] += weights[i][x];
        }

        Assert.All(total, t => Assert.Equal(1.0, t, 5));
    }

    [Fact]
    public void Weights_TwoTiles_DropTheOuterQuarterAndRampInTheMiddle()
    {
        var spans = TileAxis.Plan(1024, 576, 32);

        var left = TileAxis.Weights(spans, 4)[0];

        // The overlap is input pixels 496–528: full weight to 504, a ramp to 520, nothing after.
        Assert.Equal(1f, left[(504 * 4) - 1]);
        Assert.Equal(0.5f, (left[512 * 4] + left[(512 * 4) - 1]) / 2, 3);
        Assert.Equal(0f, left[520 * 4]);
        Assert.Equal(0f, left[^1]);
    }
}
