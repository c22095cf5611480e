using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>Refinements asked for from the gallery, on the real stack with the real engines.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class RefineTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Refine_ClothesColour_AddsVersionTwoBesideTheUntouchedOriginal()
    {
        // This studio delivers WebP too: the shoot's images and the refined version each get theirs.
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: new Dictionary<string, string?> { ["Pipeline:DeliverWebP"] = "true" });
        using var http = studio.Http(stack.BaseUrl);
        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(10), "ada@example.com", "corporate-grey");
        Assert.Equal("Delivered", final.Status);
        var token = await TokenAsync(stack.Services, shoot.ShootId);
        var manifest = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None))!;
        var image = manifest.Images[0];
        var originalHash = SHA256.HashData(await http.GetByteArrayAsync($"g/{token}/img/{image.File}"));

        using var response = await http.PostAsJsonAsync($"g/{token}/refine", new { image = image.ImageId, clothes = "navy", skinSmoothing = "0.5" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = (await response.Content.ReadFromJsonAsync<RefineStatus>(ApiResponse.Json))!;
        var done = await FollowAsync(http, started.StatusUrl);

        Assert.True(done.Status == RefineStatuses.Delivered, $"{done.Status}: {done.Message}");
        Assert.Equal(2, done.Version);
        Assert.InRange(done.IdentityDistance!.Value, 0, 0.6);
        var refreshed = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None))!;
        var version = refreshed.Find(image.ImageId)!.Version(2)!;
        Assert.Equal("clothes navy, skin smoothing 0.5", version.Changes);
        // Rendered from the photo (Render:Path=native), the original's base is that full-resolution render, not the
        // 1024 px candidate; the version was refined from it and holds as much of the photo as the original.
        Assert.EndsWith("-base.jpg", image.BasePath, StringComparison.Ordinal);
        Assert.Equal(image.SourceMegapixels!.Value, version.SourceMegapixels!.Value, 3);
        Assert.NotEqual(image.File, version.File);
        using (var full = new MagickImage(await http.GetByteArrayAsync($"g/{token}/img/{version.File}")))
        {
            Assert.Equal(((uint)image.Width, (uint)image.Height), (full.Width, full.Height));
        }
        Assert.Equal(originalHash, SHA256.HashData(await http.GetByteArrayAsync($"g/{token}/img/{image.File}")));
        foreach (var webP in new[] { image.FileWebP, version.FileWebP })
        {
            Assert.NotNull(webP);
            using var served = await http.GetAsync($"g/{token}/img/{webP}");
            Assert.Equal("image/webp", served.Content.Headers.ContentType?.MediaType);
            using var decoded = new MagickImage(await served.Content.ReadAsByteArrayAsync());
            Assert.Equal((MagickFormat.WebP, (uint)image.Width, (uint)image.Height), (decoded.Format, decoded.Width, decoded.Height));
            Assert.Equal(["icc"], decoded.ProfileNames);
        }
        Assert.NotNull(image.WebWebP);
        Assert.NotNull(version.WebWebP);
        var page = await http.GetStringAsync($"g/{token}");
        Assert.Contains("Version 2 (from version 1)", page);
        Assert.Contains("Version 1 (original)", page);
        Assert.Contains($"data-web-webp=\"/g/{token}/img/{version.WebWebP}\"", page);
        Assert.Contains($"<a href=\"/g/{token}/img/{image.FileWebP}\" download>WebP</a>", page);
        // The ZIP stays JPEG only; the command line's download takes the WebP files too.
        using (var zip = new ZipArchive(new MemoryStream(await http.GetByteArrayAsync($"g/{token}/zip"))))
        {
            Assert.Equal(2, zip.Entries.Count);
            Assert.All(zip.Entries, e => Assert.EndsWith(".jpg", e.Name, StringComparison.Ordinal));
        }
        var downloaded = Directory.CreateTempSubdirectory("headshots-webp-").FullName;
        await GalleryDownloader.DownloadAsync(stack.Services.GetRequiredService<StorageClients>(), shoot.ShootId, downloaded, CancellationToken.None);
        Assert.Equal(new[] { image.FileWebP, image.WebWebP, version.FileWebP, version.WebWebP }.Order(),
            Directory.GetFiles(downloaded, "*.webp").Select(Path.GetFileName).Order());
        // The local engine: hairstyle and expression are shown, disabled, as cloud-only.
        Assert.Matches("name=\"hair\"[^>]*disabled", page);
        Assert.Contains("cloud-only", page);

        // Hair is a generative edit: refused locally with the documented message, and nothing is started.
        using var hair = await http.PostAsJsonAsync($"g/{token}/refine", new { image = image.ImageId, hair = "short bob" });
        Assert.Equal((HttpStatusCode)422, hair.StatusCode);
        using var problem = JsonDocument.Parse(await hair.Content.ReadAsStringAsync());
        Assert.Equal(RefineMessages.GenerativeEditsNeedCloud, problem.RootElement.GetProperty("detail").GetString());

        // Wrong edits, image or version: each named, with what is accepted.
        using var badEdits = await http.PostAsJsonAsync($"g/{token}/refine", new { image = image.ImageId, clothes = "sparkly", freckles = "lots" });
        Assert.Equal(HttpStatusCode.BadRequest, badEdits.StatusCode);
        using var badProblem = JsonDocument.Parse(await badEdits.Content.ReadAsStringAsync());
        var badDetail = badProblem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("'sparkly' is not a colour", badDetail);
        Assert.Contains("use add or soften", badDetail);
        using var badImage = await http.PostAsJsonAsync($"g/{token}/refine", new { image = "nope", clothes = "navy" });
        Assert.Equal(HttpStatusCode.NotFound, badImage.StatusCode);
        Assert.Contains(image.ImageId, await badImage.Content.ReadAsStringAsync());
        using var badVersion = await http.PostAsJsonAsync($"g/{token}/refine", new { image = image.ImageId, from = "7", clothes = "navy" });
        Assert.Equal(HttpStatusCode.NotFound, badVersion.StatusCode);

        // The form, as a browser posts it: a redirect back to the gallery, never a re-post on reload.
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = stack.BaseUrl };
        using var form = await noRedirect.PostAsync($"g/{token}/refine", new FormUrlEncodedContent(
            [new("image", image.ImageId), new("from", "2"), new("freckles", "add"), new("makeup", "lips"), new("makeup", "undereye")]));
        Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
        Assert.StartsWith($"/g/{token}?refine=", form.Headers.Location!.OriginalString);
        var rows = await stack.Services.GetRequiredService<RefineStore>().ListAsync(shoot.ShootId, CancellationToken.None);
        Assert.Equal("freckles added, makeup lips,undereye", rows[0].Changes);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task RefineCommand_DeliveredShoot_PrintsTheNewVersionItsIdentityAndWhereItIs()
    {
        string shootId, imageId, token;
        var outFolder = Directory.CreateTempSubdirectory("headshots-refine-").FullName;
        int exit;
        string output, error;
        await using (var stack = await studio.StartStackAsync(studio.NewHub()))
        {
            using var http = studio.Http(stack.BaseUrl);
            var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(9), "grace@example.com", "bw-editorial");
            Assert.Equal("Delivered", final.Status);
            shootId = shoot.ShootId;
            token = System.Web.HttpUtility.ParseQueryString(new Uri(shoot.StatusPage!).Query)["t"]!;
            imageId = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shootId, CancellationToken.None))!.Images[0].ImageId;

            // With a studio running (as ./headshots up would be), the command uses it rather than starting another.
            (exit, output, error) = await studio.RunCliAsync("refine", shootId, imageId, "--freckles", "add", "--skin-smoothing", "0.2", "--out", outFolder);
        }

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("Starting the local studio", output, StringComparison.Ordinal);
        Assert.Contains($"{imageId} v2", output);
        Assert.Matches(@"Identity:\s+0\.[0-5]\d\d", output);
        var file = Assert.Single(Directory.GetFiles(outFolder, "*.jpg"), f => !f.EndsWith("-web.jpg", StringComparison.Ordinal) && !f.EndsWith("-thumb.jpg", StringComparison.Ordinal));
        Assert.Contains(file, output.Replace("\n", "", StringComparison.Ordinal));
        using (var image = new MagickImage(file)) Assert.True((long)image.Width * image.Height >= 16_000_000);

        // With none running, status starts one for itself.
        var (statusExit, statusOutput, statusError) = await studio.RunCliAsync("status", shootId, "--token", token);
        Assert.True(statusExit == 0, statusOutput + statusError);
        Assert.Contains("Starting the local studio", statusOutput, StringComparison.Ordinal);
        Assert.Contains($"Shoot {shootId}: Delivered", OneLine(statusOutput), StringComparison.Ordinal);

        var (hairExit, hairOutput, _) = await studio.RunCliAsync("refine", shootId, imageId, "--hair", "short bob");
        Assert.Equal(1, hairExit);
        // The console wraps long lines at its width.
        Assert.True(OneLine(hairOutput).Contains("need the cloud editing engine", StringComparison.Ordinal), hairOutput);

        var (badExit, badOutput, badError) = await studio.RunCliAsync("refine", shootId, imageId, "--freckles", "lots");
        Assert.Equal(2, badExit);
        Assert.Contains("use add or soften", OneLine(badOutput + badError));
    }

    [Fact]
    public async Task Refine_WrongToken_NotFoundSayingToUseTheWholeLink()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);

        using var wrongToken = await http.PostAsJsonAsync("g/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/refine", new { image = "x", clothes = "navy" });
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Contains("whole link", await wrongToken.Content.ReadAsStringAsync());
    }

    internal static string OneLine(string console) => System.Text.RegularExpressions.Regex.Replace(console, @"\s+", " ");

    internal static async Task<RefineStatus> FollowAsync(HttpClient http, string statusUrl)
    {
        using var timeout = new CancellationTokenSource(ShootFlow.Timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var status = (await http.GetFromJsonAsync<RefineStatus>(statusUrl.TrimStart('/'), ApiResponse.Json, timeout.Token))!;
            if (RefineStatuses.IsFinal(status.Status)) return status;
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    internal static async Task<string> TokenAsync(IServiceProvider services, string shootId)
    {
        var row = await services.GetRequiredService<ShootStore>().GetAsync(shootId, CancellationToken.None);
        var url = row!.GalleryUrl!;
        return url[(url.LastIndexOf('/') + 1)..];
    }
}
