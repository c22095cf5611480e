using Azure.Storage.Blobs;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>A second training under the same order: new photos, a new likeness profile, a second gallery.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class ReshootTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Reshoot_DeliveredShootWithNewPhotos_DeliversASecondGalleryAndKeepsTheFirst()
    {
        string firstId;
        await using (var stack = await studio.StartStackAsync(studio.NewHub()))
        {
            using var http = studio.Http(stack.BaseUrl);
            var client = new StudioClient(http);
            var (first, firstFinal) = await ShootFlow.RunAsync(http, studio.Photos(8), "ada@example.com", "bw-editorial");
            Assert.Equal("Delivered", firstFinal.Status);
            firstId = first.ShootId;
            var statusToken = TokenOf(first.StatusPage!);
            var manifests = stack.Services.GetRequiredService<GalleryManifestStore>();
            var firstImages = (await manifests.ReadAsync(first.ShootId, CancellationToken.None))!.Images.Select(i => i.File).ToList();
            Assert.Contains("id=\"reshoot\" class=\"card\">", await http.GetStringAsync(new Uri(first.StatusPage!)));

            // Someone else's photos: had the first profile been kept, every headshot of them would fail the likeness check.
            var reshoot = await client.ReshootAsync(first.ShootId, statusToken, Friend(8), CancellationToken.None);
            var final = await ShootFlow.FollowAsync(http, reshoot.StatusUrl);

            Assert.Equal("Delivered", final.Status);
            Assert.Equal(0, reshoot.ReshootsLeft);
            Assert.Equal(["bw-editorial"], reshoot.Order.Looks);
            Assert.Equal(8, final.Photos.Count(p => p.Accepted));
            var shoots = stack.Services.GetRequiredService<ShootStore>();
            var (firstRow, secondRow) = (await shoots.GetAsync(first.ShootId, CancellationToken.None), await shoots.GetAsync(reshoot.ShootId, CancellationToken.None));
            Assert.NotEqual(firstRow!.GalleryUrl, secondRow!.GalleryUrl);
            Assert.Equal("ada@example.com", secondRow.Email);
            var work = new BlobContainerClient(AzuriteConnection.For(studio.Ports), StorageNames.WorkContainer);
            var faces = work.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{reshoot.ShootId}/identity/faces/", CancellationToken.None).ToList();
            Assert.Equal(8, faces.Count);
            // The first gallery is untouched: same images, each still there.
            var firstAgain = (await manifests.ReadAsync(first.ShootId, CancellationToken.None))!;
            Assert.Equal(firstImages, firstAgain.Images.Select(i => i.File).ToList());
            var gallery = new BlobContainerClient(AzuriteConnection.For(studio.Ports), StorageNames.GalleryContainer);
            Assert.All(firstAgain.Images, i => Assert.True(gallery.GetBlobClient($"{first.ShootId}/{i.File}").Exists().Value, i.File));
            var email = await studio.Inbox().FindForShootAsync(reshoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.Contains(secondRow.GalleryUrl!, email);

            // Both trainings of the order are used: neither gallery offers another, and the API says why.
            Assert.Contains("id=\"reshoot\" class=\"card\" hidden>", await http.GetStringAsync(new Uri(first.StatusPage!)));
            var third = await Assert.ThrowsAsync<StudioClientException>(() => client.ReshootAsync(first.ShootId, statusToken, studio.Photos(8), CancellationToken.None));
            Assert.Contains("(409)", third.Message);
            Assert.Contains("used them all", third.Message);
            var wrong = await Assert.ThrowsAsync<StudioClientException>(() => client.ReshootAsync(first.ShootId, new string('A', 43), studio.Photos(8), CancellationToken.None));
            Assert.Contains("(404)", wrong.Message);
        }

        var folder = Directory.CreateTempSubdirectory("headshots-reshoot-").FullName;
        foreach (var (name, content) in studio.Photos(8)) await File.WriteAllBytesAsync(Path.Combine(folder, name), content);
        var (exit, output, error) = await studio.RunCliAsync("reshoot", firstId, folder);
        Assert.True(exit == 2, output + error);
        Assert.Contains("used them all", RefineTests.OneLine(output + error));
    }

    [Fact]
    public async Task Reshoot_ShootNotDeliveredYet_RefusedSayingToWaitForTheGallery()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false);
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var created = await client.CreateShootAsync("kim@example.com", ["a.jpg"], CancellationToken.None);

        var refused = await Assert.ThrowsAsync<StudioClientException>(() =>
            client.ReshootAsync(created.ShootId, TokenOf(created.StatusPage!), studio.Photos(8), CancellationToken.None));

        Assert.Contains("(409)", refused.Message);
        Assert.Contains("Wait for your gallery first", refused.Message);
    }

    [Fact]
    public async Task ReshootCommand_NoFolderGiven_ExplainsTheArguments()
    {
        var (exit, output, error) = await studio.RunCliAsync("reshoot", "0123456789abcdef0123456789abcdef");

        Assert.Equal(2, exit);
        Assert.Contains("Required argument missing", output + error);
        Assert.Contains("headshots reshoot <SHOOT_ID> <PHOTOS_DIR>", output + error);
    }

    static string TokenOf(string statusPage) => System.Web.HttpUtility.ParseQueryString(new Uri(statusPage).Query)["t"]!;

    IReadOnlyList<(string Name, byte[] Content)> Friend(int count) =>
        SampleShootDeriver.Derive(File.ReadAllBytes(Path.Combine(studio.Paths.Samples, "grace_hopper.jpg")), count, seed: 21)
            .Select(p => ("grace-" + p.Name, p.Jpeg)).ToList();
}
