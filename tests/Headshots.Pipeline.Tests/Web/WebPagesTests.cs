using System.Text;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Storage;
using Headshots.Pipeline.Web;

namespace Headshots.Pipeline.Tests.Web;

public sealed class WebPagesTests
{
    [Theory]
    [InlineData("site.css", "text/css; charset=utf-8")]
    [InlineData("upload.js", "text/javascript; charset=utf-8")]
    [InlineData("start.js", "text/javascript; charset=utf-8")]
    [InlineData("status.js", "text/javascript; charset=utf-8")]
    [InlineData("gallery.js", "text/javascript; charset=utf-8")]
    public void Assets_AreServedWithLongCacheAndNosniff(string file, string type)
    {
        var response = WebAssets.Serve(file);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(type, response.ContentType);
        Assert.NotEmpty(response.Body);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers["Cache-Control"]);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
        Assert.Matches("^/assets/" + file.Replace(".", "\\.") + "\\?v=[0-9a-f]{12}$", WebAssets.Url(file));
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("nope.js")]
    public void Assets_OnlyTheAppsOwnFiles(string file) => Assert.Equal(404, WebAssets.Serve(file).StatusCode);

    [Fact]
    public void Pages_ScriptsOnlyFromSelf_UploadOriginOnlyWhereNeeded()
    {
        var page = ApiResponse.Page(200, "<p>x</p>").Headers["Content-Security-Policy"];
        var upload = ApiResponse.UploadPage(200, "<p>x</p>", "http://127.0.0.1:10000").Headers["Content-Security-Policy"];

        Assert.Contains("script-src 'self';", page);
        Assert.Contains("connect-src 'self';", page);
        Assert.Contains("connect-src 'self' http://127.0.0.1:10000;", upload);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", upload);
        Assert.Contains("frame-ancestors 'none'", upload);
    }

    [Fact]
    public void StartPage_LabelsEveryFieldAndLoadsOnlyItsOwnScripts()
    {
        var html = StartPageRenderer.Render(["corporate-grey"]);

        Assert.Contains("<label for=\"email\">", html);
        Assert.Contains("<label for=\"photos\"", html);
        Assert.Contains("id=\"look-corporate-grey\" value=\"corporate-grey\" checked", html);
        Assert.Contains("data-min=\"10\" data-max=\"15\"", html);
        Assert.Contains("<script defer src=\"/assets/start.js?v=", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotMatch("\\son[a-z]+=", html);
    }

    [Theory]
    [InlineData("Delivered", 1, true)]
    [InlineData("Delivered", 0, false)]
    [InlineData("Running", 1, false)]
    [InlineData("Failed", 1, false)]
    public void StatusPage_ReshootForm_OnlyOnceDeliveredAndWhileTheOrderHasOneLeft(string state, int left, bool shown)
    {
        var status = new ShootStatus("0123456789abcdef0123456789abcdef", state, "delivered", 1, 1, ["inspect"], null,
            10, 10, 4, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var html = StatusPageRenderer.Render(status, "tok&x", 8, left);

        Assert.Contains(shown ? "<form id=\"reshoot\" class=\"card\">" : "<form id=\"reshoot\" class=\"card\" hidden>", html);
        Assert.Contains("data-reshoot-url=\"/api/shoots/0123456789abcdef0123456789abcdef/reshoot?t=tok&amp;x\"", html);
        Assert.Contains($"data-reshoots-left=\"{left}\"", html);
        Assert.Contains("<label for=\"reshoot-photos\">", html);
    }

    [Fact]
    public void StatusPage_StatusApiUrl_CarriesThePagesToken()
    {
        var status = new ShootStatus("0123456789abcdef0123456789abcdef", "Running", "inspect", 0, 1, ["inspect"], null,
            10, 0, 0, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var html = StatusPageRenderer.Render(status, "AbC-_9", 8);

        // status.js polls data-status-url as it is: the API answers only with the token.
        Assert.Contains("data-status-url=\"/api/shoots/0123456789abcdef0123456789abcdef?t=AbC-_9\"", html);
    }

    [Fact]
    public void StatusPage_DeliveredEmailGivenUp_SaysNotSentAndLinksTheGallery()
    {
        var status = new ShootStatus("0123456789abcdef0123456789abcdef", "Delivered", "delivered", 1, 1, ["inspect"], null,
            10, 10, 4, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            Email: new EmailStatus("given_up", 9, null, null, "Email not sent: our mail server did not answer after 9 tries."),
            GalleryUrl: "http://studio.test/g/abc");

        var html = StatusPageRenderer.Render(status, "tok", 8);

        Assert.Contains("Delivered: your 4 headshots are ready in your private gallery.", html);
        Assert.Contains("<a href=\"http://studio.test/g/abc\">Open your gallery</a>", html);
        Assert.Contains("<p id=\"email\" class=\"email given_up\">Email not sent: our mail server did not answer after 9 tries.</p>", html);
    }

    [Fact]
    public void StatusPage_VerdictsAndErrorAreEncoded_ReplacementFormOnlyWhenStopped()
    {
        var photo = new PhotoStatus("<b>x</b>.jpg", false, "blurry", "The face is <i>blurry</i>.", "Hold still & retake it.", 100, 100);
        var stopped = new ShootStatus("0123456789abcdef0123456789abcdef", "Failed", "failed", 0, 0, ["inspect", "identity"], "only 1 of <b>2</b>",
            2, 1, 0, [photo], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var html = StatusPageRenderer.Render(stopped, "tok", 8);
        var running = StatusPageRenderer.Render(stopped with { Status = "Running", Stage = "identity", Error = null }, "tok", 8);

        Assert.Contains("&lt;b&gt;x&lt;/b&gt;.jpg", html);
        Assert.Contains("The face is &lt;i&gt;blurry&lt;/i&gt;.", html);
        Assert.Contains("Tip: Hold still &amp; retake it.", html);
        Assert.Contains("only 1 of &lt;b&gt;2&lt;/b&gt;", html);
        Assert.Contains("<form id=\"replace\" class=\"card\">", html);
        Assert.Contains("<form id=\"replace\" class=\"card\" hidden>", running);
        Assert.Contains("<li class=\"done\">Checking your photos</li><li class=\"current\" aria-current=\"step\">", running);
    }

    [Fact]
    public void SecretTokens_256Bits_HashedAndComparedWhole()
    {
        var token = SecretTokens.New();
        var hash = SecretTokens.Hash(token);

        Assert.Equal(43, token.Length);
        Assert.True(SecretTokens.Matches(hash, token));
        Assert.False(SecretTokens.Matches(hash, SecretTokens.New()));
        Assert.False(SecretTokens.Matches(hash, token[..42]));
        Assert.False(SecretTokens.Matches(null, token));
        Assert.NotEqual(token, SecretTokens.New());
    }

    [Fact]
    public void GalleryReadyEmail_TablesInlineStylesThumbnailsAndPlainText()
    {
        var message = EmailComposer.GalleryReady("ada@example.com", "<script>x</script>", "http://h/g/tok", 3, "s1",
            [new EmailThumbnail("http://h/g/tok/img/a-thumb.jpg", "http://h/g/tok#a", "Corporate grey studio headshot")]);

        Assert.Contains("http://h/g/tok", message.TextBody);
        Assert.Contains("<table role=\"presentation\"", message.HtmlBody);
        Assert.Contains("<img src=\"http://h/g/tok/img/a-thumb.jpg\" width=\"240\" alt=\"Corporate grey studio headshot\" style=", message.HtmlBody);
        Assert.Contains("&lt;script&gt;", message.HtmlBody);
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("<style", message.HtmlBody);
    }

    [Fact]
    public void LiveGallery_LinksTheZipAndItsScript_DownloadedCopyHasNoScript()
    {
        var manifest = new GalleryManifest("s1", "Ada", DateTimeOffset.UnixEpoch,
            [new GalleryImage("corporate-grey", "Corporate grey studio", "4:5", "a.jpg", "a-web.jpg", "a-thumb.jpg", 3580, 4475, 4_000_000, 0.87)]);

        var live = GalleryPageRenderer.Render(manifest, "/g/tok/img/", new GalleryPageState("/g/tok/refine", false, [], "/g/tok/zip"));
        var offline = GalleryPageRenderer.Render(manifest, "");

        Assert.Contains("href=\"/g/tok/zip\" download>Download all (ZIP)</a>", live);
        Assert.Contains("<script defer src=\"/assets/gallery.js?v=", live);
        Assert.Contains("data-web=\"/g/tok/img/a-web.jpg\" data-full=\"/g/tok/img/a.jpg\"", live);
        Assert.DoesNotContain("<script", offline);
        Assert.Equal(Encoding.UTF8.GetByteCount(offline), Encoding.UTF8.GetBytes(offline).Length);
    }
}
