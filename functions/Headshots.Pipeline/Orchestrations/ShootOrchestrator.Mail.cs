using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The notify stage: the shoot's outcome is recorded first (a published gallery is <c>Delivered</c> whatever the mail
/// server does), then the email goes through <see cref="EmailRetryLoop"/>, which outlasts a mail outage.
/// </summary>
public sealed partial class ShootOrchestrator
{
    sealed partial class ShootRun
    {
        public async Task NotifyDeliveredAsync(PublishedGallery gallery)
        {
            var notifying = Stage(ShootStages.Notify, 1) with
            {
                Status = ShootStatuses.Delivered,
                Delivered = gallery.Images,
                GalleryUrl = gallery.Url,
            };
            var delivered = new StageRecord(ShootId, ShootStages.Delivered, 1, 1, ShootStatuses.Delivered);
            var notification = new Notification(ShootId, input.Email, input.Name, NotificationKinds.Delivered, gallery.Url, null, gallery.Images,
                After: delivered);
            context.SetCustomStatus(new ShootProgress(ShootStages.Notify, 0, 1));
            await EmailAsync(notification, notifying, delivered);
            context.SetCustomStatus(new ShootProgress(ShootStages.Delivered, 1, 1));
        }

        /// <summary>Tells the person why the shoot stopped; its outcome is already recorded as failed.</summary>
        async Task NotifyFailedAsync(string reason)
        {
            var failed = new StageRecord(ShootId, ShootStages.Failed, 0, 0, ShootStatuses.Failed, reason);
            await EmailAsync(new Notification(ShootId, input.Email, input.Name, NotificationKinds.Failed, null, reason), failed, failed);
        }

        Task EmailAsync(Notification notification, StageRecord waiting, StageRecord givenUp) =>
            EmailRetryLoop.RunAsync(context, notification, waiting, givenUp, Settings.EmailRetry ?? EmailRetrySettings.Default, logger);
    }
}
