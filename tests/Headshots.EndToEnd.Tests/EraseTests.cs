using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>The person deletes everything from their gallery: nothing of theirs is left in the studio.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class EraseTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Delete_Confirmed_RemovesEveryPhotoHeadshotRowAndTheLink()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(8), "ada@example.com", "bw-editorial");
        Assert.Equal("Delivered", final.Status);
        var token = await RefineTests.TokenAsync(stack.Services, shoot.ShootId);
        Assert.Contains($"action=\"/g/{token}/delete\"", await http.GetStringAsync($"g/{token}"));
        var connection = AzuriteConnection.For(studio.Ports);
        Assert.NotEmpty(Blobs(connection, shoot.ShootId));

        using var unconfirmed = await http.PostAsync($"g/{token}/delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Nothing was deleted", await unconfirmed.Content.ReadAsStringAsync());
        Assert.NotEmpty(Blobs(connection, shoot.ShootId));

        using var confirmed = await http.PostAsync($"g/{token}/delete", new FormUrlEncodedContent([new("confirm", "yes")]));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Everything is deleted", await confirmed.Content.ReadAsStringAsync());
        Assert.Empty(Blobs(connection, shoot.ShootId));
        foreach (var table in new[] { StorageNames.PhotosTable, StorageNames.JobsTable, StorageNames.RefinesTable })
        {
            Assert.Empty(new TableClient(connection, table).Query<TableEntity>(e => e.PartitionKey == shoot.ShootId));
        }
        Assert.Empty(new TableClient(connection, StorageNames.GalleriesTable).Query<TableEntity>(TableClient.CreateQueryFilter($"ShootId eq {shoot.ShootId}")));
        var row = await stack.Services.GetRequiredService<ShootStore>().GetAsync(shoot.ShootId, CancellationToken.None);
        Assert.Equal(("Deleted", null, null), (row!.Status, row.Email, row.GalleryUrl));
        using var gallery = await http.GetAsync($"g/{token}");
        Assert.Equal(HttpStatusCode.NotFound, gallery.StatusCode);
        using var statusPage = await http.GetAsync(new Uri(shoot.StatusPage!));
        Assert.Equal(HttpStatusCode.NotFound, statusPage.StatusCode);
    }

    static List<string> Blobs(string connection, string shootId) =>
        new[] { StorageNames.UploadsContainer, StorageNames.WorkContainer, StorageNames.GalleryContainer }
            .SelectMany(c => new BlobContainerClient(connection, c)
                .GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shootId}/", CancellationToken.None)
                .Select(b => $"{c}/{b.Name}"))
            .ToList();
}
