using Headshots.Pipeline.Limits;

namespace Headshots.Pipeline.Tests.Limits;

/// <summary>Limits:DailyGenerationBudget: reservations against the day's running total, across callers and days.</summary>
public sealed class DailySpendTests
{
    [Fact]
    public async Task TryReserve_ManyCallersAtOnce_NeverReserveMoreThanTheBudget()
    {
        var store = new MemoryDailySpendStore();
        var clock = new StoppedClock(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var spend = DailySpends.Create(1.00m, store, clock);

        // Forty calls of 0.10 race for a budget of 1.00, as concurrent shoots on several instances would.
        var reservations = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => spend.TryReserveAsync(0.10m, CancellationToken.None))));

        Assert.Equal(10, reservations.Count(r => r is not null));
        Assert.Equal(1.00m, store["2026-12-07"]);
    }

    [Fact]
    public async Task Settle_CheaperThanReserved_LeavesTheDifferenceForLaterCalls()
    {
        var store = new MemoryDailySpendStore();
        var clock = new StoppedClock(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var spend = DailySpends.Create(0.25m, store, clock);

        var first = await spend.TryReserveAsync(0.20m, CancellationToken.None);
        var refused = await spend.TryReserveAsync(0.10m, CancellationToken.None);
        await spend.SettleAsync(first!, 0.05m, CancellationToken.None);
        var after = await spend.TryReserveAsync(0.10m, CancellationToken.None);

        Assert.Null(refused);
        Assert.NotNull(after);
        Assert.Equal(0.15m, store["2026-12-07"]);
    }

    [Fact]
    public async Task TryReserve_NextUtcDay_StartsFromNothing()
    {
        var store = new MemoryDailySpendStore();
        var clock = new StoppedClock(new DateTimeOffset(2026, 12, 7, 23, 59, 0, TimeSpan.Zero));
        var spend = DailySpends.Create(0.10m, store, clock);

        var today = await spend.TryReserveAsync(0.10m, CancellationToken.None);
        var todayAgain = await spend.TryReserveAsync(0.10m, CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(2);
        var tomorrow = await spend.TryReserveAsync(0.10m, CancellationToken.None);

        Assert.Equal(("2026-12-07", (DailySpendReservation?)null, "2026-12-08"), (today!.Day, todayAgain, tomorrow!.Day));
    }

    [Fact]
    public async Task TryReserve_ZeroBudget_RefusesEveryCall()
    {
        var spend = DailySpends.Create(0m);

        Assert.Null(await spend.TryReserveAsync(0.01m, CancellationToken.None));
    }
}
