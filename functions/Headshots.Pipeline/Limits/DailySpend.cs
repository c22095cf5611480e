using System.Globalization;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Limits;

/// <summary>A call's expected cost, held against one UTC day's budget until the call is settled at what it cost.</summary>
public sealed record DailySpendReservation(string Day, decimal Amount);

/// <summary>
/// Limits:DailyGenerationBudget across every shoot and refinement: each cloud image call reserves its expected cost
/// against the day's running total before it is made, and settles at what it cost after (nothing when it failed).
/// Reservations are written with optimistic concurrency, so concurrent shoots on any instance cannot overspend together.
/// </summary>
public sealed class DailySpend(IDailySpendStore store, IOptions<LimitsOptions> options, TimeProvider clock, ILogger<DailySpend> logger)
{
    const int MaxConflicts = 20;

    /// <returns>The reservation, or null when the day's budget does not have <paramref name="estimate"/> left.</returns>
    public async Task<DailySpendReservation?> TryReserveAsync(decimal estimate, CancellationToken cancellationToken)
    {
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var budget = options.Value.DailyGenerationBudget;
        for (var attempt = 0; ; attempt++)
        {
            var total = await store.ReadAsync(day, cancellationToken);
            if (total.Amount + estimate > budget)
            {
                logger.LogWarning("Daily generation budget reached: {Spent} of {Budget} reserved on {Day}; a call expected to cost {Estimate} is not made",
                    total.Amount, budget, day, estimate);
                return null;
            }
            if (await store.TryWriteAsync(day, total.Amount + estimate, total.Version, cancellationToken)) return new DailySpendReservation(day, estimate);
            if (attempt >= MaxConflicts) throw new InvalidOperationException($"The day's generation total for {day} kept changing under {MaxConflicts} writers; try again.");
        }
    }

    /// <summary>Replaces the reservation by what the call cost.</summary>
    public async Task SettleAsync(DailySpendReservation reservation, decimal cost, CancellationToken cancellationToken)
    {
        if (cost == reservation.Amount) return;
        for (var attempt = 0; ; attempt++)
        {
            var total = await store.ReadAsync(reservation.Day, cancellationToken);
            if (await store.TryWriteAsync(reservation.Day, Math.Max(0, total.Amount - reservation.Amount + cost), total.Version, cancellationToken)) return;
            if (attempt >= MaxConflicts) throw new InvalidOperationException($"The day's generation total for {reservation.Day} kept changing under {MaxConflicts} writers; try again.");
        }
    }
}

/// <summary>A day's running total and the version it was read at (null: the day has none yet).</summary>
public sealed record DailySpendTotal(decimal Amount, string? Version);

/// <summary>Where the day's running totals are kept.</summary>
public interface IDailySpendStore
{
    Task<DailySpendTotal> ReadAsync(string day, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="amount"/> if the total is still at <paramref name="version"/>; false when another writer got there first.</summary>
    Task<bool> TryWriteAsync(string day, decimal amount, string? version, CancellationToken cancellationToken);
}
