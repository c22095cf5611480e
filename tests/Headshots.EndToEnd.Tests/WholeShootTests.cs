using System.Net;
using System.Text.RegularExpressions;
using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Headshots.Pipeline.Intake;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

[Collection(LocalStudioCollection.Name)]
public sealed partial class WholeShootTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Shoot_OrderUploaded_DeliversSixteenMegapixelGalleryAndEmailsTheLink()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);

        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(10), "ada@example.com", "corporate-grey", "bw-editorial");

        Assert.Equal("Delivered", final.Status);
        Assert.Equal(2, final.Delivered);
        Assert.Equal(10, final.Photos.Count(p => p.Accepted));

        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(email);
        Assert.Contains("Your headshots are ready", email);
        var link = GalleryLink().Match(email!).Value;
        Assert.StartsWith(stack.BaseUrl.ToString(), link);

        using var page = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        // Scripts only from the app's own /assets: never inline, never a third party.
        Assert.Contains("script-src 'self';", csp);
        var html = await page.Content.ReadAsStringAsync();
        var fullImages = FullImageLinks().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(2, fullImages.Count);
        foreach (var href in fullImages)
        {
            using var served = await http.GetAsync(href);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            // Streamed from storage, not buffered: the length is declared up front and is what arrives.
            Assert.Equal(bytes.Length, served.Content.Headers.ContentLength);
            using var image = new MagickImage(bytes);
            Assert.Equal(MagickFormat.Jpeg, image.Format);
            Assert.True((long)image.Width * image.Height >= 16_000_000, $"{href} is {image.Width}×{image.Height}");
            Assert.Equal(ColorSpace.sRGB, image.ColorSpace);
            var exif = image.GetExifProfile();
            Assert.True(exif is null || exif.Values.All(v => v.Tag != ExifTag.GPSLatitude && v.Tag != ExifTag.SerialNumber));
        }
        var aspects = fullImages.Select(async h => { using var i = new MagickImage(await http.GetByteArrayAsync(h)); return $"{i.Width}x{i.Height}"; });
        Assert.Equal(["3580x4475", "4096x4096"], (await Task.WhenAll(aspects)).Order());
    }

    [Fact]
    public async Task Gallery_WrongToken_FriendlyNotFoundPage()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);

        using var response = await http.GetAsync("g/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This gallery is not available", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task Order_DeliveredTwice_StartsOneShootAndSendsOneEmail()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.SubmitAsync("grace@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);

        // The same event again (Event Grid may deliver twice), twice at once, and a re-upload of the order.
        var intake = stack.Services.GetRequiredService<OrderIntake>();
        var order = BinaryData.FromString("""{"email":"grace@example.com","looks":["corporate-grey"]}""");
        var again = await Task.WhenAll(
            intake.HandleAsync(shoot.ShootId, order, stack.Client, CancellationToken.None),
            intake.HandleAsync(shoot.ShootId, order, stack.Client, CancellationToken.None));
        await client.UploadAsync(shoot.OrderUrl, order.ToArray(), "application/json", CancellationToken.None);
        var final = await ShootFlow.FollowAsync(http, shoot.StatusUrl);
        var afterwards = await intake.HandleAsync(shoot.ShootId, order, stack.Client, CancellationToken.None);

        // The watcher saw the same order too: of all callers, at most these two raced it, and at most one won.
        Assert.True(again.Count(r => r == OrderIntakeResult.Started) <= 1, string.Join(", ", again));
        Assert.DoesNotContain(OrderIntakeResult.Rejected, again);
        Assert.Equal(OrderIntakeResult.AlreadyStarted, afterwards);
        Assert.Equal("Delivered", final.Status);
        var jobs = stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.JobsTable);
        var identityJobs = jobs.Query<Headshots.Jobs.Protocol.JobEntity>(j => j.PartitionKey == shoot.ShootId && j.Kind == "identity").ToList();
        Assert.Equal(1, Assert.Single(identityJobs).Submissions);
        var inbox = await studio.Inbox().ListAsync(CancellationToken.None);
        var raws = await Task.WhenAll(inbox.Select(m => studio.Inbox().RawAsync(m.Id, CancellationToken.None)));
        Assert.Single(raws, r => r.Contains($"X-Headshots-Shoot: {shoot.ShootId}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/g/[A-Za-z0-9_-]{43}")]
    private static partial Regex GalleryLink();

    [GeneratedRegex("href=\"(/g/[^\"]+/img/[a-z-]+-\\d\\d\\.jpg)\"")]
    private static partial Regex FullImageLinks();
}
