using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Engines.Upscaling;
using ImageMagick;
using Xunit.Abstractions;

namespace Headshots.Engines.Tests.Upscaling;

/// <summary>
/// Tiling must not show: small tiles with the default overlap on a real photo, so a 320-pixel crop has seams in both
/// directions.
/// </summary>
public sealed class EsrganSeamTests(ITestOutputHelper output)
{
    static readonly EsrganTiling SmallTiles = new(TileSize: 128, Overlap: EsrganTiling.Default.Overlap);

    /// <summary>
    /// Slightly blurred so that the steps between neighbouring lines are mostly smooth shading: a seam then stands out
    /// against its neighbourhood instead of hiding among the photo's own edges.
    /// </summary>
    static readonly Lazy<RgbImage> Crop = new(() => Rgb.Decode(SamplePhotos.GraceHopper, image =>
    {
        image.Crop(new MagickGeometry(96, 140, 320, 320));
        image.GaussianBlur(0, 3);
    }));

    [Fact]
    public void Upscale4x_SmallTiles_MatchesOneTileForTheWholeImage()
    {
        var whole = EsrganModel.Upscaler(new EsrganTiling(TileSize: 320, Overlap: 0)).Upscale4x(Crop.Value, CancellationToken.None);
        var tiled = EsrganModel.Upscaler(SmallTiles).Upscale4x(Crop.Value, CancellationToken.None);

        var (mean, max) = Rgb.Difference(tiled, whole);

        output.WriteLine($"tiled vs whole: mean {mean:F4}, max {max}");
        Assert.True(mean < 0.05 && max <= 2, $"Tiled output differs from the untiled one: mean {mean:F4}, max {max}.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Upscale4x_SmallTiles_StepsAtTileBordersLookLikeTheirNeighbourhood(bool rows)
    {
        var tiled = EsrganModel.Upscaler(SmallTiles).Upscale4x(Crop.Value, CancellationToken.None);

        var worst = WorstBorderRatio(tiled, rows, SmallTiles);

        output.WriteLine($"{(rows ? "rows" : "columns")}: worst border step / neighbourhood step = {worst:F2}");
        Assert.True(worst < 1.35, $"A tile border stands out: its steps are {worst:F2} times those around it.");
    }

    [Fact]
    public void WorstBorderRatio_TilesWithoutOverlap_SeesTheSeams()
    {
        // Shows the check above can fail: without overlap each tile edge is computed from zero padding.
        var abutting = new EsrganTiling(TileSize: 128, Overlap: 0);
        var tiled = EsrganModel.Upscaler(abutting).Upscale4x(Crop.Value, CancellationToken.None);

        var worst = Math.Min(WorstBorderRatio(tiled, rows: false, abutting), WorstBorderRatio(tiled, rows: true, abutting));

        output.WriteLine($"no overlap: worst border step / neighbourhood step = {worst:F2}");
        Assert.True(worst > 1.5, $"Expected visible seams without overlap, got a ratio of {worst:F2}.");
    }

    /// <summary>
    /// At every place where a tile's weight starts or stops changing (the edges of the overlap and of its cross-fade),
    /// the mean step over one 4-pixel period around it, divided by the mean step over 16 pixels either side. The model's
    /// output repeats every 4 pixels (the x4 up-sampling), hence whole periods.
    /// </summary>
    static double WorstBorderRatio(RgbImage image, bool rows, EsrganTiling tiling)
    {
        var steps = Rgb.Steps(image, rows);
        var scale = EsrganUpscaler.Scale;
        var spans = TileAxis.Plan((rows ? image.Height : image.Width) / scale, tiling.TileSize, tiling.Overlap);
        Assert.True(spans.Count > 1);
        var worst = 0.0;
        for (var i = 1; i < spans.Count; i++)
        {
            var quarter = (spans[i - 1].End - spans[i].Start) / 4.0;
            foreach (var knot in new[] { spans[i].Start, spans[i].Start + quarter, spans[i - 1].End - quarter, spans[i - 1].End })
            {
                var p = (int)Math.Round(knot * scale);
                var border = Enumerable.Range(p - 2, 4).Average(x => steps[x]);
                var around = Enumerable.Range(p - 18, 16).Concat(Enumerable.Range(p + 2, 16)).Average(x => steps[x]);
                worst = Math.Max(worst, border / around);
            }
        }

        return worst;
    }
}
