using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>
/// Emails the person: the gallery link, or why the shoot stopped; once per shoot (a flag on its row). A mail server
/// that does not answer fails the activity, and the orchestrator tries again later on a durable timer.
/// </summary>
public sealed class NotifyActivity(ShootNotifier notifier, ShootStore shoots) : TaskActivity<Notification, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, Notification n) => RunAsync(n, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<string> RunAsync(Notification n, CancellationToken cancellationToken)
    {
        if (n.Before is { } before) await RecordStageActivity.RecordAsync(shoots, before, cancellationToken);
        var response = (n.Kind == NotificationKinds.Delivered
            ? await notifier.SendGalleryReadyOnceAsync(n.ShootId, n.Email, n.Name, n.GalleryUrl!, n.Images, n.Try, cancellationToken)
            : await notifier.SendFailureOnceAsync(n.ShootId, n.Email, n.Name, n.Error ?? "the shoot stopped", cancellationToken, n.Try)) ?? "already sent";
        if (n.After is { } after) await RecordStageActivity.RecordAsync(shoots, after, cancellationToken);
        return response;
    }
}
