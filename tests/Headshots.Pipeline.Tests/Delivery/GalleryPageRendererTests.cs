using Headshots.Pipeline.Delivery;

namespace Headshots.Pipeline.Tests.Delivery;

public sealed class GalleryPageRendererTests
{
    static GalleryManifest Manifest(string? name) => new("s1", name, DateTimeOffset.UnixEpoch,
        [new GalleryImage("corporate-grey", "Corporate grey studio", "4:5", "corporate-grey-01.jpg", "corporate-grey-01-web.jpg", "corporate-grey-01-thumb.jpg", 3580, 4475, 4_000_000, 0.87)]);

    [Fact]
    public void Render_NameWithScript_ShowsItAsText()
    {
        var html = GalleryPageRenderer.Render(Manifest("<script>alert(1)</script>"), "/g/t/img/");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Render_Image_LinksFullWebAndThumbnailWithSize()
    {
        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/");

        Assert.Contains("href=\"/g/tok/img/corporate-grey-01.jpg\"", html);
        Assert.Contains("href=\"/g/tok/img/corporate-grey-01-web.jpg\"", html);
        Assert.Contains("src=\"/g/tok/img/corporate-grey-01-thumb.jpg\"", html);
        Assert.Contains("3580 × 4475 (16.0 MP)", html);
        Assert.Contains("alt=\"Corporate grey studio headshot, 4:5\"", html);
    }

    [Fact]
    public void Render_ImageWithIdentityDistance_ShowsItWithTheThreshold()
    {
        var manifest = Manifest("Ada");
        manifest = manifest with { Images = [manifest.Images[0] with { IdentityDistance = 0.084 }] };

        var html = GalleryPageRenderer.Render(manifest, "/g/tok/img/");

        Assert.Contains("identity distance 0.08 (the same person below 0.60)", html);
    }

    [Fact]
    public void EmailComposer_GalleryReady_HasHtmlAndTextWithLink()
    {
        var message = EmailComposer.GalleryReady("ada@example.com", "Ada", "http://studio.test/g/abc", 12, "s1");

        Assert.Contains("http://studio.test/g/abc", message.TextBody);
        Assert.Contains("href=\"http://studio.test/g/abc\"", message.HtmlBody);
        Assert.Equal("s1", message.Headers["X-Headshots-Shoot"]);
    }
}
