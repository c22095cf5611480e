using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Emails the person: the gallery link, or why the shoot stopped.</summary>
public sealed class NotifyActivity(ShootNotifier notifier, ShootStore shoots) : TaskActivity<Notification, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, Notification n)
    {
        if (n.Before is { } before) await RecordStageActivity.RecordAsync(shoots, before, CancellationToken.None);
        var response = n.Kind == NotificationKinds.Delivered
            ? await notifier.SendGalleryReadyAsync(n.ShootId, n.Email, n.Name, n.GalleryUrl!, n.Images, CancellationToken.None)
            : await notifier.SendFailureOnceAsync(n.ShootId, n.Email, n.Name, n.Error ?? "the shoot stopped", CancellationToken.None) ?? "already sent";
        if (n.After is { } after) await RecordStageActivity.RecordAsync(shoots, after, CancellationToken.None);
        return response;
    }
}
