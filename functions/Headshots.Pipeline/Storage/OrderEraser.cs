using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Refine;
using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Storage;

/// <summary>
/// A person's deletion covers their whole order at once: the first shoot and every reshoot under it (started, running,
/// stopped or delivered), each erased by <see cref="ShootDataEraser"/>, so no photo of theirs is left behind in a shoot
/// they did not think of. The pages list these shoots before the person confirms.
/// </summary>
public sealed class OrderEraser(ShootStore shoots, RefineStore refines, ShootDataEraser eraser)
{
    /// <summary>The shoots of <paramref name="row"/>'s order that still hold data, oldest first.</summary>
    public async Task<IReadOnlyList<OrderShoot>> ListAsync(ShootEntity row, CancellationToken cancellationToken) =>
        (await shoots.ListOrderAsync(OrderTrainings.OrderOf(row), cancellationToken))
            .Where(r => r.Status != ShootStatuses.Deleted)
            .Select(r => new OrderShoot(r.PartitionKey, r.OrderShootId is not null, r.Status, r.CreatedAt, r.Delivered))
            .ToList();

    /// <summary>Whether a refinement of one of <paramref name="order"/>'s galleries is still being made.</summary>
    public async Task<bool> RefiningAsync(IReadOnlyList<OrderShoot> order, CancellationToken cancellationToken)
    {
        foreach (var shoot in order)
        {
            if ((await refines.ListAsync(shoot.ShootId, cancellationToken)).Any(r => !RefineStatuses.IsFinal(r.Status))) return true;
        }
        return false;
    }

    /// <summary>Cancels what still runs and erases every shoot of the order.</summary>
    /// <returns>The shoots erased.</returns>
    public async Task<IReadOnlyList<OrderShoot>> EraseAsync(ShootEntity row, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var order = await ListAsync(row, cancellationToken);
        foreach (var shoot in order) await eraser.EraseAsync(shoot.ShootId, client, EraseReason.Request, cancellationToken);
        return order;
    }
}

/// <summary>One shoot of an order, as a deletion lists it.</summary>
public sealed record OrderShoot(string ShootId, bool IsReshoot, string Status, DateTimeOffset CreatedAt, int Delivered)
{
    /// <summary>The shoot in plain words: "Your reshoot of 8 December 2026: delivered, 4 headshots".</summary>
    public string Description =>
        $"Your {(IsReshoot ? "reshoot" : "shoot")} of {CreatedAt.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}: " + Status switch
        {
            ShootStatuses.Delivered => $"delivered, {Delivered} headshots",
            ShootStatuses.Failed => "stopped",
            ShootStatuses.Running => "in progress (it is cancelled first)",
            _ => "waiting for its photos",
        };
}
