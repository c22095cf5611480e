using Headshots.AzureOpenAiStandIn;
using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using Headshots.Pipeline.Tests.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// Editing:Engine = azure-openai on the real local stack, against a local server that speaks Azure OpenAI's image
/// edit protocol (the one cloud service that cannot run here): the gallery offers hair and expression, and a hair
/// request goes mask → keyless edit → merge → identity check → 16 MP → new version, with its cost recorded.
/// </summary>
[Collection(LocalStudioCollection.Name)]
public sealed class CloudEditingTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Refine_HairWithTheCloudEngine_CallsAzureOpenAiKeylesslyAndDeliversTheNewVersion()
    {
        await using var azureOpenAi = await FakeAzureOpenAiServer.StartAsync();
        await using var stack = await studio.StartCloudStackAsync(azureOpenAi, new Dictionary<string, string?>
        {
            ["Editing:Engine"] = "azure-openai",
        });
        using var http = studio.Http(stack.BaseUrl);
        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(9), "ada@example.com", "corporate-grey");
        Assert.Equal("Delivered", final.Status);
        var token = await RefineTests.TokenAsync(stack.Services, shoot.ShootId);
        var image = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None))!.Images[0];

        var page = await http.GetStringAsync($"g/{token}");
        Assert.Contains("name=\"hair\"", page);
        Assert.DoesNotMatch("name=\"hair\"[^>]*disabled", page);

        using var response = await http.PostAsJsonAsync($"g/{token}/refine", new { image = image.ImageId, hair = "short bob" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = (await response.Content.ReadFromJsonAsync<RefineStatus>(ApiResponse.Json))!;
        var done = await RefineTests.FollowAsync(http, started.StatusUrl);

        Assert.True(done.Status == RefineStatuses.Delivered, $"{done.Status}: {done.Message}");
        Assert.InRange(done.IdentityDistance!.Value, 0, 0.6);
        var call = Assert.Single(azureOpenAi.Calls);
        Assert.Equal(("edits", $"Bearer {FakeAzureOpenAiServer.Token}", null), (call.Operation, call.Authorization, call.Rejected));
        Assert.True(call.HasMask);
        Assert.True(call.ImageCount > 1, "The person's face photos go with the headshot as references.");
        Assert.Contains("short bob", call.Fields["prompt"]);
        var costs = stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.CostsTable);
        var entries = new List<TableEntity>();
        await foreach (var row in costs.QueryAsync<TableEntity>(r => r.PartitionKey == shoot.ShootId)) entries.Add(row);
        Assert.Single(entries);

        // A new setting goes the same way, with the mask covering the background instead of the hair.
        Assert.DoesNotMatch("name=\"scene\"[^>]*disabled", page);
        using var sceneResponse = await http.PostAsJsonAsync($"g/{token}/refine", new { image = image.ImageId, scene = "library with bookshelves" });
        Assert.Equal(HttpStatusCode.Accepted, sceneResponse.StatusCode);
        var sceneStarted = (await sceneResponse.Content.ReadFromJsonAsync<RefineStatus>(ApiResponse.Json))!;
        var sceneDone = await RefineTests.FollowAsync(http, sceneStarted.StatusUrl);

        Assert.True(sceneDone.Status == RefineStatuses.Delivered, $"{sceneDone.Status}: {sceneDone.Message}");
        Assert.Equal(3, sceneDone.Version);
        Assert.Equal(2, azureOpenAi.Calls.Count);
        Assert.True(azureOpenAi.Calls.ElementAt(1).HasMask);
        Assert.Contains("library with bookshelves", azureOpenAi.Calls.ElementAt(1).Fields["prompt"]);
    }
}
