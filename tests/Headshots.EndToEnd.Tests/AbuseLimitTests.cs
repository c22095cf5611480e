using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.EndToEnd.Tests;

/// <summary>The abuse limits through the real local host (Kestrel, the shared handlers, the emulator's tables).</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class AbuseLimitTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task CreateShoot_BurstFromOneClient_The61stGets429WithRetryAfterAndAProblem()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false);
        using var http = studio.Http(stack.BaseUrl);
        var email = $"burst-{Guid.NewGuid():N}@example.com";

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 61; i++)
        {
            last?.Dispose();
            last = await http.PostAsJsonAsync("api/shoots", new { email, photos = new[] { "a.jpg" } });
            statuses.Add(last.StatusCode);
        }
        using var resend = await http.PostAsync($"api/shoots/{new string('0', 32)}/resend?t=x", null);

        Assert.All(statuses.Take(60), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[60]);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType!.MediaType);
        var problem = await last.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        // The creating endpoints share the client's count.
        Assert.Equal(HttpStatusCode.TooManyRequests, resend.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task CreateShoot_EmailAtItsDailyCap_IsRefusedWhateverItsCaseAndInFlightShootsAreCounted()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false,
            extra: new Dictionary<string, string?> { ["Limits:MaxShootsPerEmailPerDay"] = "2" });
        using var http = studio.Http(stack.BaseUrl);
        var id = Guid.NewGuid().ToString("N");
        var counts = stack.Services.GetRequiredService<IShootCounts>();
        var inFlightBefore = await counts.InFlightAsync(DateTimeOffset.UtcNow - TimeSpan.FromHours(1), CancellationToken.None);

        using var first = await http.PostAsJsonAsync("api/shoots", new { email = $"Cap-{id}@Example.com", photos = new[] { "a.jpg" } });
        var inFlightAfter = await counts.InFlightAsync(DateTimeOffset.UtcNow - TimeSpan.FromHours(1), CancellationToken.None);
        using var second = await http.PostAsJsonAsync("api/shoots", new { email = $"cap-{id}@example.com", photos = new[] { "a.jpg" } });
        using var third = await http.PostAsJsonAsync("api/shoots", new { email = $"CAP-{id}@EXAMPLE.COM", photos = new[] { "a.jpg" } });
        using var otherEmail = await http.PostAsJsonAsync("api/shoots", new { email = $"other-{id}@example.com", photos = new[] { "a.jpg" } });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        // A day after the first of the two, less the moments the requests took.
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value.TotalHours, 23.9, 24);
        Assert.Contains("2 shoots in 24 hours", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, otherEmail.StatusCode);
        Assert.Equal(inFlightBefore + 1, inFlightAfter);
    }

    [Fact]
    public async Task DailySpend_OnTheEmulatorsCostsTable_ReservesSettlesAndRefusesPastTheBudget()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false);
        var store = stack.Services.GetRequiredService<IDailySpendStore>();
        var day = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Other tests in this run may have spent today already: the budget leaves 0.15 beyond what they spent.
        var before = (await store.ReadAsync(day, CancellationToken.None)).Amount;
        var spend = new DailySpend(store, Microsoft.Extensions.Options.Options.Create(new LimitsOptions { DailyGenerationBudget = before + 0.15m }),
            TimeProvider.System, NullLogger<DailySpend>.Instance);

        var first = await spend.TryReserveAsync(0.10m, CancellationToken.None);
        var second = await spend.TryReserveAsync(0.10m, CancellationToken.None);
        await spend.SettleAsync(first!, 0.04m, CancellationToken.None);
        var third = await spend.TryReserveAsync(0.10m, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
        var row = await stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.CostsTable)
            .GetEntityAsync<TableEntity>(TableDailySpendStore.Partition, day);
        Assert.Equal(before + 0.14m, decimal.Parse(row.Value.GetString("AmountText"), CultureInfo.InvariantCulture));
    }
}
