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
    public override async Task<string> RunAsync(TaskActivityContext context, Notification n)
    {
        if (n.Before is { } before) await RecordStageActivity.RecordAsync(shoots, before, CancellationToken.None);
        var response = (n.Kind == NotificationKinds.Delivered
            ? await notifier.SendGalleryReadyOnceAsync(n.ShootId, n.Email, n.Name, n.GalleryUrl!, n.Images, n.Try, CancellationToken.None)
            : await notifier.SendFailureOnceAsync(n.ShootId, n.Email, n.Name, n.Error ?? "the shoot stopped", CancellationToken.None, n.Try)) ?? "already sent";
        if (n.After is { } after) await RecordStageActivity.RecordAsync(shoots, after, CancellationToken.None);
        return response;
    }
}
