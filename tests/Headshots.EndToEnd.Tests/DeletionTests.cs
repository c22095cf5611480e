using System.Net;
using Headshots.Local.Client;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>Deletion for every shoot: a stopped one from its status page, a whole order from its gallery, and by the CLI.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class DeletionTests(LocalStudioFixture studio)
{
    static readonly Dictionary<string, string?> QuickSweep = new() { ["Privacy:PurgeInterval"] = "00:00:02" };

    [Fact]
    public async Task DeleteFromStatusPage_StoppedShoot_LeavesNothingUnderItsId()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: QuickSweep);
        using var http = studio.Http(stack.BaseUrl);
        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(5), "sam@example.com");
        Assert.Equal("Failed", final.Status);
        var page = await http.GetStringAsync(new Uri(shoot.StatusPage!));
        var action = $"/api/shoots/{shoot.ShootId}/delete?t={TokenOf(shoot.StatusPage!)}";
        Assert.Contains($"<form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\">", page);
        Assert.Contains("stopped</li>", page);
        Assert.NotEmpty(await StudioLeftovers.OfAsync(studio.Ports, stack.Client, shoot.ShootId));

        using var unconfirmed = await http.PostAsync(action, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        using var confirmed = await http.PostAsync(action, new FormUrlEncodedContent([new("confirm", "yes")]));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Everything is deleted", await confirmed.Content.ReadAsStringAsync());
        Assert.Empty(await StudioLeftovers.UntilGoneAsync(studio.Ports, stack.Client, shoot.ShootId, TimeSpan.FromSeconds(30)));
        using var statusPage = await http.GetAsync(new Uri(shoot.StatusPage!));
        Assert.Equal(HttpStatusCode.NotFound, statusPage.StatusCode);
    }

    [Fact]
    public async Task DeleteFromGallery_OrderWithReshootInProgress_ListsBothThenErasesBoth()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: QuickSweep);
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var (first, firstFinal) = await ShootFlow.RunAsync(http, studio.Photos(8), "ada@example.com", "bw-editorial");
        Assert.Equal("Delivered", firstFinal.Status);
        var reshoot = await client.ReshootAsync(first.ShootId, TokenOf(first.StatusPage!), studio.Photos(8), CancellationToken.None);
        Assert.NotNull(await ShootFlow.UntilAsync(client, reshoot.StatusUrl, s => s.Status == ShootStatuses.Running, TimeSpan.FromMinutes(1)));
        var token = await RefineTests.TokenAsync(stack.Services, first.ShootId);

        var gallery = await http.GetStringAsync($"g/{token}");
        Assert.Contains("every shoot of your order:", gallery);
        Assert.Contains("Your shoot of", gallery);
        Assert.Contains("Your reshoot of", gallery);
        using var confirmed = await http.PostAsync($"g/{token}/delete", new FormUrlEncodedContent([new("confirm", "yes")]));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("your 2 shoots", await confirmed.Content.ReadAsStringAsync());
        foreach (var id in new[] { first.ShootId, reshoot.ShootId })
        {
            Assert.Empty(await StudioLeftovers.UntilGoneAsync(studio.Ports, stack.Client, id, TimeSpan.FromMinutes(1)));
        }
        var shoots = stack.Services.GetRequiredService<ShootStore>();
        Assert.Equal(ShootStatuses.Deleted, (await shoots.GetAsync(reshoot.ShootId, CancellationToken.None))!.Status);
        using var galleryAfter = await http.GetAsync($"g/{token}");
        Assert.Equal(HttpStatusCode.NotFound, galleryAfter.StatusCode);
    }

    [Fact]
    public async Task DeleteCommand_ShootInProgress_CancelsAndErasesIt()
    {
        // No GPU worker: the shoot stays in progress at its first stage, waiting for its photos to be checked.
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false, extra: QuickSweep);
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.SubmitAsync("cli@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);
        Assert.NotNull(await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Status == ShootStatuses.Running, TimeSpan.FromMinutes(1)));

        var (exit, output, error) = await studio.RunCliAsync("delete", shoot.ShootId, "--token", TokenOf(shoot.StatusPage!));

        Assert.True(exit == 0, output + error);
        Assert.Contains($"Erased 1 shoot: {shoot.ShootId}", RefineTests.OneLine(output));
        Assert.Empty(await StudioLeftovers.UntilGoneAsync(studio.Ports, stack.Client, shoot.ShootId, TimeSpan.FromSeconds(30)));
        var (again, againOutput, _) = await studio.RunCliAsync("delete", shoot.ShootId, "--token", TokenOf(shoot.StatusPage!));
        Assert.Equal(1, again);
        Assert.Contains("No such shoot", RefineTests.OneLine(againOutput));
    }

    static string TokenOf(string statusPage) => System.Web.HttpUtility.ParseQueryString(new Uri(statusPage).Query)["t"]!;
}
