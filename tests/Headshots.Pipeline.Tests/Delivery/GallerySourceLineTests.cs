using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Orchestrations;

namespace Headshots.Pipeline.Tests.Delivery;

/// <summary>The size line says what real resolution is behind each image, so an enlargement is not taken for a photograph.</summary>
public sealed class GallerySourceLineTests
{
    static readonly GalleryImage Image = new("corporate-grey", "Corporate grey studio", "4:5", "corporate-grey-01.jpg", "corporate-grey-01-web.jpg",
        "corporate-grey-01-thumb.jpg", 3580, 4475, 4_000_000, 0.87);

    static string Page(GalleryImage image) => GalleryPageRenderer.Render(new GalleryManifest("s1", "Ada", DateTimeOffset.UnixEpoch, [image]), "/g/tok/img/");

    [Fact]
    public void Render_ReframedFromACrop_SaysHowManyMegapixelsOfThePhoto() =>
        Assert.Contains("3580 × 4475 (16.0 MP) · from a 2.4 MP crop of your photo", Page(Image with { SourceMegapixels = 2.43 }));

    [Fact]
    public void Render_CropAsLargeAsTheDelivery_SaysNotEnlarged() =>
        Assert.Contains("from a 16.0 MP crop of your photo, not enlarged", Page(Image with { SourceMegapixels = 16.02 }));

    [Fact]
    public void Render_Generated_SaysEnlargedFromWhatTheGeneratorMade() =>
        Assert.Contains("enlarged from the 1.6 MP the generator made", Page(Image with { SourceMegapixels = 1.57, Engine = CandidateEngines.AzureOpenAi }));

    [Fact]
    public void Render_GalleryFromBeforeSourceWasReported_HasNoSourceClaim() =>
        Assert.DoesNotContain("crop of your photo", Page(Image));

    [Fact]
    public void Megapixels_CandidateRenderedSmallerThanItsCrop_IsTheRenderedSize() =>
        Assert.Equal(816 * 1020 / 1e6, SourceResolution.Megapixels(2_400_000, 816, 1020)!.Value, 6);

    [Fact]
    public void Megapixels_CropSmallerThanTheRender_IsTheCrop() =>
        Assert.Equal(0.3, SourceResolution.Megapixels(300_000, 816, 1020)!.Value, 6);

    [Fact]
    public void Megapixels_GeneratedImage_IsTheImageItself() =>
        Assert.Equal(1.048576, SourceResolution.Megapixels(null, 1024, 1024)!.Value, 6);

    [Fact]
    public void Megapixels_WorkerDidNotReportTheInput_IsUnknown() =>
        Assert.Null(SourceResolution.Megapixels(2_400_000, null, null));

    static GalleryVersion Version(double? sourceMegapixels, string? redrawn = null) => new(2, 1, "r1", "clothes navy", new Dictionary<string, string>(),
        "corporate-grey-01-r1.jpg", "corporate-grey-01-r1-web.jpg", "corporate-grey-01-r1-thumb.jpg", 3580, 4475, 4_100_000, 0.2, DateTimeOffset.UnixEpoch,
        "work/s1/refine/r1/base.jpg", SourceMegapixels: sourceMegapixels, Redrawn: redrawn);

    /// <summary>The page's text as a person reads it (the size line's details are HTML-encoded).</summary>
    static string Text(GalleryImage image) => System.Net.WebUtility.HtmlDecode(Page(image));

    [Fact]
    public void Render_RefinedVersionOfANativeImage_SaysItsOwnSourceResolution() =>
        Assert.Contains("3580 × 4475 (16.0 MP) · from a 5.2 MP crop of your photo · clothes navy",
            Text(Image with { SourceMegapixels = 5.2, Versions = [Version(5.2)] }));

    [Fact]
    public void Render_VersionWithARegionRedrawn_SaysTheModelRedrewIt() =>
        Assert.Contains("from a 5.2 MP crop of your photo, the hair redrawn by the image model · clothes navy",
            Text(Image with { SourceMegapixels = 5.2, Versions = [Version(5.2, "hair")] }));

    [Fact]
    public void Render_VersionMadeBeforeSourceWasCarried_ClaimsNothingForIt()
    {
        var page = Text(Image with { Versions = [Version(null)] });

        Assert.Contains("3580 × 4475 (16.0 MP) · clothes navy", page);
        Assert.DoesNotContain("crop of your photo", page);
    }
}
