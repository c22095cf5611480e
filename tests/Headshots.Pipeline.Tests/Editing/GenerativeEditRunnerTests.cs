using Headshots.AzureOpenAiStandIn;
using Headshots.Pipeline.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Pipeline.Tests.Editing;

/// <summary>The activity's work against the fake server: bounded attempts, retry-after honoured, cost recorded once.</summary>
public sealed class GenerativeEditRunnerTests : IAsyncLifetime
{
    FakeAzureOpenAiServer server = null!;
    readonly MemoryArtifacts artifacts = new();
    readonly MemoryLedger ledger = new();
    readonly InstantDelays delays = new();

    public async Task InitializeAsync()
    {
        server = await FakeAzureOpenAiServer.StartAsync();
        artifacts.Blobs["work/s1/refine/r1/source.png"] = TestPng.Create(64, 64);
        artifacts.Blobs["work/s1/refine/r1/mask.png"] = TestPng.Create(64, 64, alpha: 0);
        artifacts.Blobs["work/s1/photos/a.png"] = TestPng.Create(32, 32);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    static readonly GenerativeEditInput Input = new("s1", "r1-1", GenerativeEditKind.Expression, "a warm closed-mouth smile",
        "work/s1/refine/r1/source.png", "work/s1/refine/r1/mask.png", ["work/s1/photos/a.png"], "work/s1/refine/r1/edited.png");

    GenerativeEditRunner Runner(Action<AzureOpenAIOptions>? change = null, Headshots.Pipeline.Limits.DailySpend? dailySpend = null)
    {
        var options = Editors.Options(server, o =>
        {
            o.MaxAttempts = 3;
            o.RetryDelay = TimeSpan.FromSeconds(2);
            o.Prices.High.Square = 0.167m;
            o.PricePerInputImage = 0;
            o.Timeout = TimeSpan.FromSeconds(20);
            change?.Invoke(o);
        });
        return new GenerativeEditRunner(Editors.Create(options), artifacts, ledger, dailySpend ?? Limits.DailySpends.Create(1000m),
            Microsoft.Extensions.Options.Options.Create(options), delays,
            NullLogger<GenerativeEditRunner>.Instance);
    }

    [Fact]
    public async Task Run_Success_WritesTheResultAndRecordsItsCostOnce()
    {
        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.True(output.Succeeded);
        Assert.Equal((Input.OutputPath, 1, 0.167m, "v1"), (output.OutputPath, output.Attempts, output.Cost, output.PromptVersion));
        Assert.Equal(server.ResultImage, artifacts.Blobs[Input.OutputPath]);
        var entry = Assert.Single(ledger.Entries.Values);
        Assert.Equal(("s1", "r1-1-01", 0.167m, "USD", "image-edit:Expression"), (entry.ShootId, entry.CallId, entry.Amount, entry.Currency, entry.Operation));
        Assert.Empty(delays.Waits);
    }

    [Fact]
    public async Task Run_ThrottledThenSuccess_WaitsExactlyTheRetryAfter()
    {
        server.ThenThrottle("Retry-After", "7");

        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.True(output.Succeeded);
        Assert.Equal(2, output.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(7)], delays.Waits);
        Assert.Equal("r1-1-02", Assert.Single(ledger.Entries.Values).CallId);
    }

    [Fact]
    public async Task Run_ThrottledEveryTime_StopsAtMaxAttemptsAndSaysSoPlainly()
    {
        for (var i = 0; i < 5; i++) server.ThenThrottle("retry-after-ms", "250");

        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.False(output.Succeeded);
        Assert.Equal((GenerativeEditFailure.Throttled, 3, 0m), (output.Failure, output.Attempts, output.Cost));
        Assert.Equal(GenerativeEditMessages.Throttled, output.Message);
        Assert.Equal(3, server.Calls.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], delays.Waits);
        Assert.Empty(ledger.Entries);
        Assert.False(artifacts.Blobs.ContainsKey(Input.OutputPath));
    }

    [Fact]
    public async Task Run_RetryAfterLongerThanWeHold_EndsThrottledAtOnce()
    {
        server.ThenThrottle("Retry-After", "3600");

        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.Equal((GenerativeEditFailure.Throttled, 1), (output.Failure, output.Attempts));
        Assert.Empty(delays.Waits);
    }

    [Fact]
    public async Task Run_ServerErrorsThenSuccess_BacksOffExponentially()
    {
        server.ThenServerError();
        server.ThenServerError();

        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.True(output.Succeeded);
        Assert.Equal(3, output.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays.Waits);
        Assert.Single(ledger.Entries);
    }

    [Fact]
    public async Task Run_TimedOutEveryTime_EndsTimedOutAfterMaxAttempts()
    {
        for (var i = 0; i < 3; i++) server.ThenSlow(TimeSpan.FromSeconds(30));

        var output = await Runner(o => o.Timeout = TimeSpan.FromMilliseconds(300)).RunAsync(Input, CancellationToken.None);

        Assert.Equal((GenerativeEditFailure.TimedOut, 3), (output.Failure, output.Attempts));
        Assert.Equal(GenerativeEditMessages.TimedOut, output.Message);
        Assert.Empty(ledger.Entries);
    }

    [Fact]
    public async Task Run_ContentFiltered_IsNotRetried()
    {
        server.ThenAzureContentFilter();

        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.Equal((GenerativeEditFailure.ContentFiltered, 1), (output.Failure, output.Attempts));
        Assert.Equal(GenerativeEditMessages.ContentFiltered, output.Message);
        Assert.Single(server.Calls);
        Assert.Empty(delays.Waits);
    }

    [Fact]
    public async Task Run_QuotaExceeded_IsNotRetried()
    {
        server.ThenOpenAiError(429, "insufficient_quota", "You exceeded your current quota.");

        var output = await Runner().RunAsync(Input, CancellationToken.None);

        Assert.Equal((GenerativeEditFailure.QuotaExceeded, 1), (output.Failure, output.Attempts));
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task Run_DailyBudgetSpentByAnEarlierCall_MakesNoCallAndSaysTodaysBudgetIsSpent()
    {
        // 0.20 a day pays for one high-quality square image (0.167) and not a second.
        var store = new Limits.MemoryDailySpendStore();
        var runner = Runner(dailySpend: Limits.DailySpends.Create(0.20m, store));

        var first = await runner.RunAsync(Input, CancellationToken.None);
        var second = await runner.RunAsync(Input with { OperationId = "r1-2" }, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.Equal((GenerativeEditFailure.DailyBudgetReached, 0, 0m), (second.Failure, second.Attempts, second.Cost));
        Assert.Equal(GenerativeEditMessages.DailyBudgetReached, second.Message);
        Assert.Single(server.Calls);
        Assert.Single(ledger.Entries);
        Assert.Equal(0.167m, store[DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task Run_CallThatCostNothing_GivesItsReservationBackToTheDay()
    {
        var store = new Limits.MemoryDailySpendStore();
        var runner = Runner(dailySpend: Limits.DailySpends.Create(0.20m, store));
        server.ThenAzureContentFilter();

        var refused = await runner.RunAsync(Input, CancellationToken.None);
        var next = await runner.RunAsync(Input with { OperationId = "r1-2" }, CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.ContentFiltered, refused.Failure);
        Assert.True(next.Succeeded);
        Assert.Equal(2, server.Calls.Count);
    }

    [Fact]
    public async Task Run_WholeImageEdit_SendsNoMask()
    {
        var output = await Runner().RunAsync(Input with { Kind = GenerativeEditKind.Look, MaskPath = null, Description = "dark studio" }, CancellationToken.None);

        Assert.True(output.Succeeded);
        Assert.False(Assert.Single(server.Calls).HasMask);
    }

    [Fact]
    public async Task Activity_WithTheRunner_RunsIt()
    {
        var runner = Runner();
        var services = new ServiceCollection().AddSingleton(runner).BuildServiceProvider();

        var output = await new GenerativeEditActivity(services).RunAsync(Input, CancellationToken.None);

        Assert.True(output.Succeeded);
    }
}
