using Headshots.Pipeline.Options;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Intake;

/// <summary>
/// How many likeness profiles an order may still build. The order's first shoot is one; each reshoot with new photos
/// is another, counted on the first shoot's row when its photos arrive (not when it is asked for, so an abandoned
/// upload costs nothing).
/// </summary>
public sealed class OrderTrainings(ShootStore shoots, IOptions<PipelineOptions> options)
{
    public int PerOrder => options.Value.TrainingsPerOrder;

    /// <summary>The shoot whose row counts the trainings of <paramref name="row"/>'s order.</summary>
    public static string OrderOf(ShootEntity row) => row.OrderShootId ?? row.PartitionKey;

    /// <summary>Reshoots the order of <paramref name="row"/> may still start.</summary>
    public async Task<int> LeftAsync(ShootEntity row, CancellationToken cancellationToken)
    {
        var order = row.OrderShootId is null ? row : await shoots.GetAsync(row.OrderShootId, cancellationToken);
        // A reshoot whose photos have not arrived yet is about to count: its own page must not offer another.
        var started = Started(order).Union(row.OrderShootId is null ? [] : [row.PartitionKey]).Count();
        return Math.Max(0, PerOrder - 1 - started);
    }

    /// <summary>
    /// Counts <paramref name="reshootId"/> against its order once; a repeated call for the same reshoot (a duplicate
    /// event, a restart with replacement photos) is free. False when the order has no training left.
    /// </summary>
    public async Task<bool> TryUseAsync(string orderShootId, string reshootId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var order = await shoots.GetAsync(orderShootId, cancellationToken);
            if (order is null) return false;
            var started = Started(order);
            if (started.Contains(reshootId)) return true;
            if (1 + started.Count >= PerOrder) return false;
            if (await shoots.TryClaimAsync(order, r => r.Reshoots = string.Join(',', started.Append(reshootId)), cancellationToken)) return true;
        }
        throw new InvalidOperationException($"The trainings of order {orderShootId} could not be counted: too many concurrent changes; upload the order again.");
    }

    /// <summary>What the person is told when the order's trainings are used up.</summary>
    public string UsedUpMessage =>
        $"Each order includes {PerOrder} {(PerOrder == 1 ? "training" : "trainings")} of your likeness (the first shoot and {PerOrder - 1} {(PerOrder - 1 == 1 ? "reshoot" : "reshoots")} with new photos), "
        + "and this order has used them all. Start a new shoot on the start page for another set of photos.";

    static List<string> Started(ShootEntity? order) =>
        order?.Reshoots is { Length: > 0 } list ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries)] : [];
}
