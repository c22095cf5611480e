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
    public void Render_EmailNotSentYet_SaysSoUnderTheTitle()
    {
        var email = new Headshots.Pipeline.Api.EmailStatus("pending", 2, DateTimeOffset.UnixEpoch, null, "Email not sent yet: our mail server did not answer.");

        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/", new GalleryPageState("/g/tok/refine", false, [], Email: email));

        Assert.Contains("<p id=\"email\" class=\"meta email pending\">Email not sent yet: our mail server did not answer.</p>", html);
    }

    [Fact]
    public void EmailComposer_GalleryReady_HasHtmlAndTextWithLink()
    {
        var message = EmailComposer.GalleryReady("ada@example.com", "Ada", "http://studio.test/g/abc", 12, "s1");

        Assert.Contains("http://studio.test/g/abc", message.TextBody);
        Assert.Contains("href=\"http://studio.test/g/abc\"", message.HtmlBody);
        Assert.Equal("s1", message.Headers["X-Headshots-Shoot"]);
    }

    [Fact]
    public void Render_ImageWithVersions_ShowsEveryVersionNewestFirstAndKeepsTheOriginal()
    {
        var manifest = Manifest("Ada");
        var v2 = new GalleryVersion(2, 1, "r2", "clothes navy", new Dictionary<string, string>(), "corporate-grey-01-r2.jpg", "corporate-grey-01-r2-web.jpg",
            "corporate-grey-01-r2-thumb.jpg", 3580, 4475, 4_100_000, 0.11, DateTimeOffset.UnixEpoch, "work/s1/refine/r2/base.jpg");
        var v3 = v2 with { Number = 3, FromVersion = 2, RefineId = "r3", Changes = "freckles added", File = "corporate-grey-01-r3.jpg", Thumbnail = "corporate-grey-01-r3-thumb.jpg" };
        manifest = manifest with { Images = [manifest.Images[0] with { Versions = [v2, v3] }] };

        var html = GalleryPageRenderer.Render(manifest, "/g/tok/img/", new GalleryPageState("/g/tok/refine", false, []));

        var original = html.IndexOf("Version 1 (original)", StringComparison.Ordinal);
        var second = html.IndexOf("Version 2 (from version 1)", StringComparison.Ordinal);
        var third = html.IndexOf("Version 3 (from version 2)", StringComparison.Ordinal);
        Assert.True(original >= 0 && second > third && third > original, "Original first, then the newest version, then the older one.");
        Assert.Contains("href=\"/g/tok/img/corporate-grey-01.jpg\"", html);
        Assert.Contains("href=\"/g/tok/img/corporate-grey-01-r3.jpg\"", html);
        Assert.Contains("<option value=\"3\">Version 3</option>", html);
    }

    [Fact]
    public void Render_LocalEngine_ShowsHairAndExpressionAsCloudOnlyAndDisabled()
    {
        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/", new GalleryPageState("/g/tok/refine", false, []));

        Assert.Contains("action=\"/g/tok/refine\"", html);
        Assert.Contains("name=\"hair\" maxlength=\"200\" disabled", html);
        Assert.Contains("name=\"expression\" maxlength=\"200\" disabled", html);
        Assert.Contains("cloud-only", html);
    }

    [Theory]
    [InlineData("outfit")]
    [InlineData("scene")]
    public void Render_LocalEngine_ShowsOutfitAndSceneAsCloudOnlyAndDisabled(string field)
    {
        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/", new GalleryPageState("/g/tok/refine", false, []));

        Assert.Contains($"<label for=\"corporate-grey-01-{field}\">", html);
        Assert.Contains($"name=\"{field}\" maxlength=\"200\" disabled aria-describedby=\"corporate-grey-01-cloud\">", html);
        Assert.Contains("id=\"corporate-grey-01-cloud\">Hairstyle, expression, outfit and scene are cloud-only", html);
    }

    [Fact]
    public void Render_CloudEngine_EnablesEveryGenerativeFieldWithoutTheCloudOnlyNote()
    {
        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/", new GalleryPageState("/g/tok/refine", true, []));

        foreach (var field in new[] { "hair", "expression", "outfit", "scene" })
        {
            Assert.Contains($"name=\"{field}\" maxlength=\"200\">", html);
        }
        Assert.DoesNotContain("disabled", html);
        Assert.DoesNotContain("cloud-only", html);
    }

    [Fact]
    public void Render_RefinementInProgress_WatchesOnlyThatOneAndSaysSo()
    {
        var state = new GalleryPageState("/g/tok/refine", false,
            [new RefinementNotice("corporate-grey-01", "clothes navy", "running", false, null, "/g/tok/refine/aa"),
             new RefinementNotice("corporate-grey-01", "skin smoothing 1", "refused", true, "The refined image no longer looks enough like you", "/g/tok/refine/bb")]);

        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/", state);

        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>", html);
        Assert.Contains("<body data-pending=\"/g/tok/refine/aa\">", html);
        Assert.Contains("clothes navy — being made…", html);
        Assert.Contains("no longer looks enough like you", html);
    }

    [Fact]
    public void Render_ManifestWithWebP_GridKeepsTheJpegThumbnailAndOffersTheWebPInLightboxAndDownload()
    {
        var manifest = Manifest("Ada");
        manifest = manifest with { Images = [manifest.Images[0] with { FileWebP = "corporate-grey-01.webp", WebWebP = "corporate-grey-01-web.webp" }] };

        var html = GalleryPageRenderer.Render(manifest, "/g/tok/img/");

        Assert.Contains("<img loading=\"lazy\" src=\"/g/tok/img/corporate-grey-01-thumb.jpg\" alt=\"Corporate grey studio headshot, 4:5\"></a>", html);
        Assert.DoesNotContain("<picture", html);
        Assert.Contains("<a href=\"/g/tok/img/corporate-grey-01.jpg\" download>Full size</a> · <a href=\"/g/tok/img/corporate-grey-01.webp\" download>WebP</a> · ", html);
        Assert.Contains("data-web-webp=\"/g/tok/img/corporate-grey-01-web.webp\" data-full-webp=\"/g/tok/img/corporate-grey-01.webp\"", html);
    }

    [Fact]
    public void Render_ManifestWithoutWebP_ShowsPlainJpegsWithoutPictureOrWebP()
    {
        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/");

        Assert.DoesNotContain("<picture", html);
        Assert.DoesNotContain("image/webp", html);
        Assert.DoesNotContain(".webp", html);
        Assert.Contains("<a class=\"view\" href=\"/g/tok/img/corporate-grey-01.jpg\"><img loading=\"lazy\" src=\"/g/tok/img/corporate-grey-01-thumb.jpg\"", html);
    }

    [Fact]
    public void Render_VersionWithWebPOfAnOriginalWithout_OffersWebPOnlyForTheVersion()
    {
        var manifest = Manifest("Ada");
        var v2 = new GalleryVersion(2, 1, "r2", "clothes navy", new Dictionary<string, string>(), "corporate-grey-01-r2.jpg", "corporate-grey-01-r2-web.jpg",
            "corporate-grey-01-r2-thumb.jpg", 3580, 4475, 4_100_000, 0.11, DateTimeOffset.UnixEpoch, "work/s1/refine/r2/base.jpg",
            "corporate-grey-01-r2.webp", "corporate-grey-01-r2-web.webp");
        manifest = manifest with { Images = [manifest.Images[0] with { Versions = [v2] }] };

        var html = GalleryPageRenderer.Render(manifest, "/g/tok/img/");

        Assert.Equal(1, html.Split("data-web-webp=").Length - 1);
        Assert.Contains("data-web-webp=\"/g/tok/img/corporate-grey-01-r2-web.webp\"", html);
        Assert.Contains("href=\"/g/tok/img/corporate-grey-01-r2.webp\" download>WebP</a>", html);
        Assert.DoesNotContain("corporate-grey-01.webp", html);
    }

    [Fact]
    public void Deserialize_ManifestWrittenBeforeWebP_ReadsWithoutWebPFiles()
    {
        // gallery.json as published before WebP delivery existed: no fileWebP or webWebP anywhere.
        const string json = """
            {
              "shootId": "s1", "name": "Ada", "publishedAt": "2025-01-02T03:04:05+00:00", "profilePath": "work/s1/identity/profile.json",
              "images": [{
                "look": "corporate-grey", "lookName": "Corporate grey studio", "aspect": "4:5",
                "file": "corporate-grey-01.jpg", "web": "corporate-grey-01-web.jpg", "thumbnail": "corporate-grey-01-thumb.jpg",
                "width": 3580, "height": 4475, "bytes": 4000000, "score": 0.87, "identityDistance": 0.1, "id": "corporate-grey-01",
                "basePath": "work/s1/candidates/corporate-grey-00.jpg",
                "versions": [{
                  "number": 2, "fromVersion": 1, "refineId": "r2", "changes": "clothes navy", "retouch": {},
                  "file": "corporate-grey-01-r2.jpg", "web": "corporate-grey-01-r2-web.jpg", "thumbnail": "corporate-grey-01-r2-thumb.jpg",
                  "width": 3580, "height": 4475, "bytes": 4100000, "identityDistance": 0.11, "createdAt": "2025-01-03T00:00:00+00:00",
                  "basePath": "work/s1/refine/r2/base.jpg"
                }]
              }]
            }
            """;

        var manifest = System.Text.Json.JsonSerializer.Deserialize<GalleryManifest>(json, Headshots.Pipeline.Activities.PublishGalleryActivity.Json)!;

        var image = Assert.Single(manifest.Images);
        Assert.Equal(("corporate-grey-01.jpg", (string?)null, (string?)null), (image.File, image.FileWebP, image.WebWebP));
        var version = Assert.Single(image.Versions!);
        Assert.Equal(("corporate-grey-01-r2.jpg", (string?)null, (string?)null), (version.File, version.FileWebP, version.WebWebP));
        Assert.Equal(["corporate-grey-01.jpg", "corporate-grey-01-web.jpg", "corporate-grey-01-thumb.jpg",
            "corporate-grey-01-r2.jpg", "corporate-grey-01-r2-web.jpg", "corporate-grey-01-r2-thumb.jpg"], manifest.Files);
    }

    [Fact]
    public void Serialize_ManifestWithWebP_RoundTripsTheWebPFiles()
    {
        var manifest = Manifest("Ada");
        manifest = manifest with { Images = [manifest.Images[0] with { FileWebP = "corporate-grey-01.webp", WebWebP = "corporate-grey-01-web.webp" }] };

        var json = System.Text.Json.JsonSerializer.Serialize(manifest, Headshots.Pipeline.Activities.PublishGalleryActivity.Json);
        var read = System.Text.Json.JsonSerializer.Deserialize<GalleryManifest>(json, Headshots.Pipeline.Activities.PublishGalleryActivity.Json)!;

        Assert.Contains("\"fileWebP\": \"corporate-grey-01.webp\"", json);
        Assert.Equal(("corporate-grey-01.webp", "corporate-grey-01-web.webp"), (read.Images[0].FileWebP, read.Images[0].WebWebP));
        Assert.Contains("corporate-grey-01-web.webp", read.Files);
    }

    [Fact]
    public void Render_LivePage_OffersDeletingEverythingBehindARequiredConfirmation()
    {
        var state = new GalleryPageState("/g/tok/refine", false, [], "/g/tok/zip", "/g/tok/delete");

        var html = GalleryPageRenderer.Render(Manifest("Ada"), "/g/tok/img/", state);

        Assert.Contains("<form method=\"post\" action=\"/g/tok/delete\">", html);
        Assert.Contains("<input type=\"checkbox\" id=\"erase-confirm\" name=\"confirm\" value=\"yes\" required>", html);
        Assert.Contains("<label for=\"erase-confirm\">", html);
        Assert.Contains("cannot be undone", html);
    }

    [Fact]
    public void Render_DownloadedFolder_HasNoForm()
    {
        var html = GalleryPageRenderer.Render(Manifest("Ada"), "");

        Assert.DoesNotContain("<form", html);
    }
}
