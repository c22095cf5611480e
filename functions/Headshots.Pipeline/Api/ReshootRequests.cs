using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Api;

/// <summary>
/// A reshoot: after a delivered shoot, the person uploads new photos and a new likeness profile is built from them,
/// under the same order (no new order, same email and looks). It is a shoot of its own, with its own status page and
/// gallery; the first gallery stays as it is.
/// </summary>
public sealed class ReshootRequests(ShootRegistration registration, OrderTrainings trainings, IOptions<PipelineOptions> options)
{
    /// <exception cref="ReshootRefusedException">The shoot cannot be reshot, or the photo names are wrong.</exception>
    public async Task<ReshootResponse> StartAsync(ShootEntity source, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (source.Status != ShootStatuses.Delivered)
        {
            throw new ReshootRefusedException(409, "The shoot is not delivered yet",
                source.Status == ShootStatuses.Failed
                    ? "A reshoot follows a delivered shoot. This one stopped: add replacement photos on its status page to finish it first."
                    : $"A reshoot follows a delivered shoot; this one is {source.Status}. Wait for your gallery first.");
        }
        var left = await trainings.LeftAsync(source, cancellationToken);
        if (left == 0) throw new ReshootRefusedException(409, "No reshoot left in this order", trainings.UsedUpMessage);
        var problems = registration.Problems(names);
        if (problems.Count > 0) throw new ReshootRefusedException(400, "The reshoot cannot be started", string.Join("; ", problems) + ".");

        var order = ReplacementOrder.Of(source, options.Value.DefaultLooks);
        var shoot = await registration.RegisterAsync(names, row =>
        {
            row.Email = order.Email;
            row.Name = order.Name;
            row.Looks = string.Join(',', order.Looks);
            row.OrderShootId = OrderTrainings.OrderOf(source);
        }, cancellationToken);
        return new ReshootResponse(shoot.ShootId, shoot.ExpiresOn, shoot.Uploads, shoot.OrderUrl, shoot.StatusUrl, shoot.StatusPage, order, left - 1);
    }
}

/// <summary>Why a reshoot was refused, as the HTTP answer would say it.</summary>
public sealed class ReshootRefusedException(int status, string title, string detail) : Exception($"{title}: {detail}")
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
}
