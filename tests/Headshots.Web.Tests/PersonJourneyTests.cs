using System.IO.Compression;
using System.Text.RegularExpressions;
using Headshots.Pipeline.Storage;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Headshots.Web.Tests;

/// <summary>A person's whole journey in the browser: start page, live status, the email, the gallery, a refinement.</summary>
[Collection(WebStudioCollection.Name)]
public sealed partial class PersonJourneyTests(WebStudioFixture studio)
{
    [Fact]
    public async Task StartPage_UploadsThePhotos_StatusReachesDelivered_AndTheEmailLinksToTheGallery()
    {
        var shoot = await studio.DeliveredAsync();

        Assert.Contains("script-src 'self'", shoot.StartCsp);
        Assert.DoesNotContain("unsafe-inline' 'self'", shoot.StartCsp);
        Assert.Matches(new Regex("script-src 'self';"), shoot.StartCsp!);
        Assert.Matches(new Regex(@"connect-src 'self' http://127\.0\.0\.1:\d+;"), shoot.StartCsp!);
        Assert.Empty(shoot.CspViolations);
        Assert.Empty(shoot.StartAxe);
        Assert.Empty(shoot.StatusAxe);
        Assert.Equal(8, shoot.StagesDone);
        Assert.Equal(10, shoot.Verdicts.Count);
        Assert.All(shoot.Verdicts, v => Assert.Contains("usable", v));

        // The email: HTML in tables with inline styles, thumbnails through the app, the link, and a plain-text part.
        Assert.Contains("Content-Type: text/plain", shoot.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type: text/html", shoot.Email, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(studio.BaseUrl.ToString(), shoot.GalleryUrl);
        var html = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(shoot.Email))).HtmlBody ?? "";
        Assert.Contains("<table role=\"presentation\"", html);
        Assert.Contains(shoot.GalleryUrl + "/img/", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);

        // The email's thumbnails really load, through the gallery token.
        var page = await studio.NewPageAsync();
        await page.SetContentAsync(html);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var loaded = await page.EvaluateAsync<int>("Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length");
        Assert.Equal(2, loaded);
        await WebStudioFixture.ScreenshotAsync(page, "04-email");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Gallery_KeyboardLightbox_OriginalOf16Megapixels_ZipAndARefineBesideTheOriginal()
    {
        var shoot = await studio.DeliveredAsync();
        var page = await studio.NewPageAsync();
        var response = await page.GotoAsync(shoot.GalleryUrl);
        Assert.Equal(200, response!.Status);
        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp);
        await WebStudioFixture.ScreenshotAsync(page, "05-gallery");
        Assert.Empty(await Accessibility.SeriousOrCriticalAsync(page));

        // The name with markup shows as text, and none of it ran.
        Assert.Contains("<script>window.__xss=1</script>", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));

        // Keyboard only: tab to the first image, open it, move with the arrow keys, close with Escape.
        var first = page.Locator("a.view").First;
        for (var i = 0; i < 40 && !await first.EvaluateAsync<bool>("e => e === document.activeElement"); i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await first.EvaluateAsync<bool>("e => e === document.activeElement"), "Tab never reached the first image.");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog.lightbox");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#lightbox-title")).ToContainTextAsync("1 of 2");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#lightbox-title")).ToContainTextAsync("2 of 2");
        await page.Locator("dialog.lightbox img").EvaluateAsync("i => i.decode()");
        await WebStudioFixture.ScreenshotAsync(page, "06-lightbox");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Locator("#lightbox-title")).ToContainTextAsync("1 of 2");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.True(await first.EvaluateAsync<bool>("e => e === document.activeElement"), "Focus did not return to the image.");

        // The original at 16 MP, downloaded as a person does.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("figure a[download]", new() { HasText = "Full size" }).First.ClickAsync());
        using (var original = new MagickImage(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            Assert.True((long)original.Width * original.Height >= 16_000_000, $"{original.Width}×{original.Height}");
        }

        // Everything at once, as a ZIP the app streams.
        var zip = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download all (ZIP)" }).ClickAsync());
        using (var archive = ZipFile.OpenRead((await zip.PathAsync())!))
        {
            Assert.Equal(2, archive.Entries.Count);
            // Each entry is a whole 16 MP original (its size in bytes depends on the picture: a smooth B&W backdrop packs small).
            Assert.All(archive.Entries, e =>
            {
                using var entry = e.Open();
                var info = new MagickImageInfo(entry);
                Assert.True((long)info.Width * info.Height >= 16_000_000, $"{e.FullName} is {info.Width}×{info.Height}");
            });
        }

        // A refinement the local engine makes today (a face retouch): the new version appears beside the original.
        var item = page.Locator("li[data-image]").First;
        await item.Locator("summary", new() { HasText = "Refine this image" }).ClickAsync();
        await item.GetByLabel("Freckles").SelectOptionAsync("add");
        await item.GetByLabel("Skin smoothing").SelectOptionAsync("0.2");
        await WebStudioFixture.ScreenshotAsync(page, "07-refine-form");
        await item.GetByRole(AriaRole.Button, new() { Name = "Make a new version" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("\\?refine=[0-9a-f]{32}"));
        // The page watches the refinement and reloads itself once it is done.
        await page.Locator("figcaption", new() { HasText = "Version 2 (from version 1)" }).WaitForAsync(new() { Timeout = 480_000 });
        var refined = page.Locator("li[data-image]").First;
        await Assertions.Expect(refined.Locator("figcaption", new() { HasText = "Version 1 (original)" })).ToBeVisibleAsync();
        await Assertions.Expect(refined.Locator(".compare-panel")).ToBeVisibleAsync();
        await refined.Locator(".compare img.after").EvaluateAsync("i => i.decode()");
        await refined.ScrollIntoViewIfNeededAsync();
        await WebStudioFixture.ScreenshotAsync(page, "08-gallery-version-2-compare");
        Assert.Empty(await Accessibility.SeriousOrCriticalAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Gallery_WrongToken_FriendlyNotFound()
    {
        var page = await studio.NewPageAsync();
        var response = await page.GotoAsync(new Uri(studio.BaseUrl, "g/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").ToString());

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This gallery is not available");
        Assert.DoesNotContain("Exception", await page.ContentAsync());
        await WebStudioFixture.ScreenshotAsync(page, "09-gallery-wrong-token");
        Assert.Empty(await Accessibility.SeriousOrCriticalAsync(page));

        var status = await page.GotoAsync(new Uri(studio.BaseUrl, "s/0123456789abcdef0123456789abcdef?t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").ToString());
        Assert.Equal(404, status!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This status page is not available");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Gallery_ExpiredToken_FriendlyGone()
    {
        var shoot = await studio.DeliveredAsync();
        var expired = await studio.Stack.Services.GetRequiredService<GalleryStore>().CreateTokenAsync(shoot.ShootId, TimeSpan.FromSeconds(-1), CancellationToken.None);
        var page = await studio.NewPageAsync();

        var response = await page.GotoAsync(new Uri(studio.BaseUrl, $"g/{expired}").ToString());

        Assert.Equal(410, response!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The link has expired");
        Assert.DoesNotContain("Exception", await page.ContentAsync());
        await WebStudioFixture.ScreenshotAsync(page, "10-gallery-expired");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StartPage_PreChecks_NameWhatIsWrongBeforeAnyUpload()
    {
        var page = await studio.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Method + " " + r.Url);
        await page.GotoAsync(studio.BaseUrl.ToString());

        await page.Locator("#photos").SetInputFilesAsync([
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() },
            new FilePayload { Name = "empty.jpg", MimeType = "image/jpeg", Buffer = [] },
            .. studio.Photos(3),
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start my shoot" }).ClickAsync();

        var problems = page.Locator("#problems");
        await Assertions.Expect(problems).ToContainTextAsync("Choose at least 10 photos (you have 3)");
        await Assertions.Expect(problems).ToContainTextAsync("Enter the email address");
        await Assertions.Expect(page.Locator("#count")).ToContainTextAsync("add at least 7 more");
        Assert.DoesNotContain(requests, r => r.StartsWith("POST", StringComparison.Ordinal) || r.StartsWith("PUT", StringComparison.Ordinal));
        await page.Locator("#photos").SetInputFilesAsync([new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() }]);
        await Assertions.Expect(problems).ToContainTextAsync("notes.txt is not a JPEG, PNG, WebP or HEIC photo");
        await WebStudioFixture.ScreenshotAsync(page, "11-start-prechecks");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MobileViewport_PagesFitTheScreen()
    {
        var shoot = await studio.DeliveredAsync();
        var page = await studio.NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        foreach (var (url, name) in new[] { (studio.BaseUrl.ToString(), "12-mobile-start"), (shoot.StatusUrl, "13-mobile-status"), (shoot.GalleryUrl, "14-mobile-gallery") })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow}px wider than the screen.");
            await WebStudioFixture.ScreenshotAsync(page, name);
            Assert.Empty(await Accessibility.SeriousOrCriticalAsync(page));
        }
        await page.Context.CloseAsync();
    }
}
