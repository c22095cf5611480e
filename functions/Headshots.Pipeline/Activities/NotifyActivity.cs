using Headshots.Pipeline.Delivery;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Emails the person: the gallery link, or why the shoot stopped.</summary>
public sealed class NotifyActivity(ShootNotifier notifier) : TaskActivity<Notification, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, Notification n)
    {
        if (n.Kind == NotificationKinds.Delivered)
        {
            return await notifier.SendGalleryReadyAsync(n.ShootId, n.Email, n.Name, n.GalleryUrl!, n.Images, CancellationToken.None);
        }
        return await notifier.SendFailureOnceAsync(n.ShootId, n.Email, n.Name, n.Error ?? "the shoot stopped", CancellationToken.None) ?? "already sent";
    }
}
