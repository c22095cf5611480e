using System.Net;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>Retention on the real local stack: once a shoot is older than Privacy:RetentionDays, nothing of the person is left.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class RetentionTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Purge_ClockMovedPastRetention_LeavesNothingOfThePersonAndTheGalleryAnswers410()
    {
        var clock = new ShiftedClock();
        var email = $"keep-{Guid.NewGuid():N}@example.com";
        await using var stack = await studio.StartStackAsync(studio.NewHub(),
            extra: new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "30", ["Privacy:PurgeInterval"] = "00:00:01" },
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var http = studio.Http(stack.BaseUrl);
        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(8), email, "bw-editorial");
        Assert.Equal("Delivered", final.Status);
        var token = await RefineTests.TokenAsync(stack.Services, shoot.ShootId);
        var manifestImage = $"g/{token}/img/bw-editorial-01-thumb.jpg";
        var erasedOn = final.ErasedOn!.Value;
        Assert.Equal(30, (int)Math.Round((erasedOn - final.CreatedAt).TotalDays));
        Assert.Contains($"will be erased on {erasedOn.UtcDateTime:d MMMM yyyy}", await http.GetStringAsync($"g/{token}"));
        Assert.Contains($"will be erased on {erasedOn.UtcDateTime:d MMMM yyyy}", await http.GetStringAsync(new Uri(shoot.StatusPage!)));
        Assert.Contains($"It works until {erasedOn.UtcDateTime:d MMMM yyyy}",
            await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.NotEmpty(await StudioLeftovers.OfAsync(studio.Ports, stack.Client, shoot.ShootId));
        Assert.NotEmpty(StudioLeftovers.TablesContaining(studio.Ports, email));

        clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromHours(1));

        var left = await StudioLeftovers.UntilGoneAsync(studio.Ports, stack.Client, shoot.ShootId, TimeSpan.FromMinutes(1));
        Assert.Empty(left);
        Assert.Empty(StudioLeftovers.TablesContaining(studio.Ports, email));
        var row = await stack.Services.GetRequiredService<ShootStore>().GetAsync(shoot.ShootId, CancellationToken.None);
        Assert.Equal(ShootStatuses.Deleted, row!.Status);
        foreach (var link in new[] { $"g/{token}", manifestImage, $"g/{token}/zip" })
        {
            using var gone = await http.GetAsync(link);
            var page = await gone.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Equal("text/html", gone.Content.Headers.ContentType?.MediaType);
            Assert.Contains("The link has expired", page);
            Assert.DoesNotContain("<script", page);
            Assert.DoesNotContain("<img", page);
        }
    }
}
