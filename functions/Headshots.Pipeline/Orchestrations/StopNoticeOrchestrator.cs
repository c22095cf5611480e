using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The failure email for an order stopped before its shoot could start (an order.json that does not parse, a reshoot
/// with no training left). The blob trigger only records the stop and starts this; the email then outlasts a mail
/// outage on durable timers, exactly like a shoot's own notify stage.
/// </summary>
public sealed class StopNoticeOrchestrator : TaskOrchestrator<StopNotice, bool>
{
    /// <summary>Apart from the shoot's own instance id, so a corrected order can still start the shoot under its id.</summary>
    public static string InstanceIdFor(string shootId) => $"{shootId}-stop-notice";

    public override async Task<bool> RunAsync(TaskOrchestrationContext context, StopNotice input)
    {
        var failed = new StageRecord(input.ShootId, ShootStages.Failed, 0, 0, ShootStatuses.Failed, input.Error);
        var notification = new Notification(input.ShootId, input.Email, input.Name, NotificationKinds.Failed, null, input.Emailed);
        await EmailRetryLoop.RunAsync(context, notification, failed, failed, input.Retry,
            context.CreateReplaySafeLogger<StopNoticeOrchestrator>());
        return true;
    }
}

/// <param name="Error">What the status page says.</param>
/// <param name="Emailed">What the email says, which may be less.</param>
/// <param name="Retry">The schedule, fixed when the order stopped so replays see the same waits.</param>
public sealed record StopNotice(string ShootId, string Email, string? Name, string Error, string Emailed, EmailRetrySettings Retry);
