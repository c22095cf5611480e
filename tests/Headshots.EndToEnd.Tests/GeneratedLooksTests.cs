using Headshots.AzureOpenAiStandIn;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Tests.Editing;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// Generation:Engine = azure-openai on the real local stack, against the local server that speaks Azure OpenAI's
/// images edits protocol. Its answers are real images made here: the top reference photo recoloured and re-lit (the
/// person, in a new look), or, for every black-and-white prompt, someone else's face (a model that drifts).
/// </summary>
[Collection(LocalStudioCollection.Name)]
public sealed class GeneratedLooksTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Shoot_CloudEngine_DeliversGeneratedImagesThatAreThePersonAndReframesTheLookThatDrifted()
    {
        await using var azureOpenAi = await FakeAzureOpenAiServer.StartAsync();
        var someoneElse = await File.ReadAllBytesAsync(Path.Combine(studio.Paths.Samples, "grace_hopper.jpg"));
        azureOpenAi.Render = call => call.Fields["prompt"].Contains("black and white", StringComparison.Ordinal)
            ? Answer(someoneElse, call.Fields["size"], relight: false)
            : Answer(call.Images[0], call.Fields["size"], relight: true);
        await using var stack = await studio.StartCloudStackAsync(azureOpenAi, new Dictionary<string, string?>
        {
            ["Generation:Engine"] = "azure-openai",
            ["Generation:CandidatesPerLook"] = "2",
            ["Pipeline:KeepPerLook"] = "2",
        });
        using var http = studio.Http(stack.BaseUrl);

        var start = await http.GetStringAsync("");
        Assert.Contains("Azure OpenAI deployment to generate new images of you", start);

        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(9), "ada@example.com", "corporate-grey", "bw-editorial");

        Assert.Equal("Delivered", final.Status);
        // Two corporate-grey calls that pass; two black-and-white ones, each made again once, then dropped.
        var calls = azureOpenAi.Calls.ToList();
        Assert.Equal(6, calls.Count);
        Assert.All(calls, c => Assert.Equal(("edits", $"Bearer {FakeAzureOpenAiServer.Token}", null, 4, "high"),
            (c.Operation, c.Authorization, c.Rejected, c.ImageCount, c.Fields["input_fidelity"])));
        Assert.Equal(2, calls.Count(c => c.Fields["prompt"].Contains("did not look enough like them", StringComparison.Ordinal)));
        Assert.All(calls, c => Assert.Equal(c.Fields["prompt"].Contains("black and white", StringComparison.Ordinal) ? "1024x1024" : "1024x1536", c.Fields["size"]));
        // The references are the identity stage's best-ranked photos, head and shoulders, in ranking order.
        var storage = stack.Services.GetRequiredService<StorageClients>();
        var references = new List<byte[]>();
        for (var i = 0; i < 4; i++)
        {
            references.Add((await storage.Blob(BlobPath.Parse($"work/{shoot.ShootId}/references/{i:00}.jpg")).DownloadContentAsync()).Value.Content.ToArray());
        }
        Assert.All(calls, c => Assert.Equal(references, c.Images));
        using (var reference = new MagickImage(references[0]))
        {
            // Head and shoulders at 4:5, at the photo's own resolution (these derived photos are small), never above 1024 wide.
            Assert.Equal(reference.Width * 5, reference.Height * 4);
            Assert.InRange(reference.Width, 400u, 1024u);
        }

        var manifest = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None))!;
        Assert.Equal(4, manifest.Images.Count);
        Assert.All(manifest.Images, i => Assert.Equal(i.Look == "corporate-grey" ? CandidateEngines.AzureOpenAi : CandidateEngines.Reframe, i.Engine));
        Assert.All(manifest.Images, i => Assert.InRange(i.IdentityDistance!.Value, 0, 0.6));
        Assert.Equal((2, 2), (manifest.Generation!.Passed, manifest.Generation.Drifted));

        // The API, the gallery and the email say how each image was made.
        var status = await http.GetFromJsonAsync<ShootStatus>(shoot.StatusUrl, ApiResponse.Json);
        Assert.Equal((2, 2), (status!.Images!.Generated, status.Images.Reframed));
        Assert.Equal(["Generated", "Generated", "Reframed from your photo", "Reframed from your photo"], status.Images.Items.Select(i => i.MadeBy).Order());
        Assert.Contains(status.Images.Notes, n => n.Contains("did not look enough like you", StringComparison.Ordinal));
        var token = await RefineTests.TokenAsync(stack.Services, shoot.ShootId);
        var page = await http.GetStringAsync($"g/{token}");
        Assert.Equal(2, CountOf(page, System.Net.WebUtility.HtmlEncode("Generated · quality")));
        Assert.Equal(2, CountOf(page, System.Net.WebUtility.HtmlEncode("Reframed from your photo · quality")));
        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Contains("2 of your 4 headshots are generated from your photos", email);
        Assert.Contains("left out", email);

        // Every call's cost is in the costs table: six calls at medium quality with four reference photos each.
        var costs = storage.Table(StorageNames.CostsTable);
        var rows = new List<TableEntity>();
        await foreach (var row in costs.QueryAsync<TableEntity>(r => r.PartitionKey == shoot.ShootId)) rows.Add(row);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal("image-generate", r.GetString("Operation")));
        Assert.Equal(manifest.Generation.Cost, rows.Sum(r => decimal.Parse(r.GetString("AmountText"), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Shoot_CloudBudgetReachedAndACallRefused_StillDeliversAndSaysWhy()
    {
        await using var azureOpenAi = await FakeAzureOpenAiServer.StartAsync();
        azureOpenAi.Render = call => Answer(call.Images[0], call.Fields["size"], relight: true);
        azureOpenAi.ThenAzureContentFilter();
        // A call is expected to cost 0.063 + 4 × 0.015 = 0.123: 0.30 pays for two of the three planned.
        await using var stack = await studio.StartCloudStackAsync(azureOpenAi, new Dictionary<string, string?>
        {
            ["Generation:Engine"] = "azure-openai",
            ["Generation:CandidatesPerLook"] = "3",
            ["Generation:MaxCostPerShoot"] = "0.30",
            ["Pipeline:KeepPerLook"] = "2",
        });
        using var http = studio.Http(stack.BaseUrl);

        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(9), "ada@example.com", "corporate-grey");

        Assert.Equal("Delivered", final.Status);
        Assert.Equal(2, azureOpenAi.Calls.Count);
        var manifest = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None))!;
        Assert.Equal((1, 1, 1), (manifest.Generation!.Passed, manifest.Generation.Failed, manifest.Generation.SkippedForBudget));
        Assert.True(manifest.Generation.Cost <= 0.30m, $"spent {manifest.Generation.Cost}");
        Assert.Equal([CandidateEngines.AzureOpenAi, CandidateEngines.Reframe], manifest.Images.Select(i => i.Engine));
        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Contains("budget for one shoot (0.30 USD) was reached", email);
        Assert.Contains("safety filter", email);
        var rows = new List<TableEntity>();
        await foreach (var row in stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.CostsTable)
            .QueryAsync<TableEntity>(r => r.PartitionKey == shoot.ShootId)) rows.Add(row);
        Assert.Single(rows);
    }

    static byte[] Answer(byte[] photo, string size, bool relight) => StandInAnswers.Filled(photo, size, relight);

    static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
