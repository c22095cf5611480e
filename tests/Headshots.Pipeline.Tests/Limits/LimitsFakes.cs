using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Pipeline.Tests.Limits;

/// <summary>The day's totals in memory, with versions that change on every write as table ETags do.</summary>
internal sealed class MemoryDailySpendStore : IDailySpendStore
{
    readonly Dictionary<string, (decimal Amount, int Version)> totals = [];

    /// <summary>The totals as written, by day.</summary>
    public decimal this[string day] { get { lock (totals) return totals.TryGetValue(day, out var t) ? t.Amount : 0; } }

    public async Task<DailySpendTotal> ReadAsync(string day, CancellationToken cancellationToken)
    {
        // Lets concurrent reservations interleave between their read and their write, as they do over the network.
        await Task.Yield();
        lock (totals) return totals.TryGetValue(day, out var t) ? new DailySpendTotal(t.Amount, t.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : new DailySpendTotal(0, null);
    }

    public async Task<bool> TryWriteAsync(string day, decimal amount, string? version, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (totals)
        {
            var current = totals.TryGetValue(day, out var t) ? t.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != version) return false;
            totals[day] = (amount, t.Version + 1);
            return true;
        }
    }
}

/// <summary>What the shoots table would say, as the test sets it.</summary>
internal sealed class FakeShootCounts : IShootCounts
{
    public int InFlight { get; set; }
    public List<(string Email, DateTimeOffset CreatedAt)> Started { get; } = [];

    public Task<int> InFlightAsync(DateTimeOffset uploadsOpenSince, CancellationToken cancellationToken) => Task.FromResult(InFlight);

    public Task<IReadOnlyList<DateTimeOffset>> StartedByAsync(string email, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DateTimeOffset>>(Started.Where(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase) && s.CreatedAt >= since)
            .Select(s => s.CreatedAt).ToList());
}

internal static class DailySpends
{
    public static DailySpend Create(decimal budget, IDailySpendStore? store = null, TimeProvider? clock = null) =>
        new(store ?? new MemoryDailySpendStore(), Microsoft.Extensions.Options.Options.Create(new LimitsOptions { DailyGenerationBudget = budget }),
            clock ?? TimeProvider.System, NullLogger<DailySpend>.Instance);
}

/// <summary>A clock that stands still until the test moves it.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
