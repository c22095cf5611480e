using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The notify stage: the shoot's outcome is recorded first (a published gallery is <c>Delivered</c> whatever the mail
/// server does), then the email is tried, and tried again on durable timers with growing waits while the mail server
/// does not answer, until <c>EmailRetry:GiveUpAfter</c>. Each try is one activity call without a retry policy of its
/// own: this loop is the retry, and the activity's flag on the shoot's row keeps a replay from sending twice.
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

        /// <param name="waiting">The shoot's record while the email is not sent (the outcome, already final for the person).</param>
        /// <param name="givenUp">The shoot's record once the email is given up.</param>
        async Task EmailAsync(Notification notification, StageRecord waiting, StageRecord givenUp)
        {
            var retry = Settings.EmailRetry ?? EmailRetrySettings.Default;
            var firstTry = context.CurrentUtcDateTime;
            await RecordEmailAsync(waiting, new EmailRecord(EmailStates.Pending, 0));
            for (var tries = 1; ; tries++)
            {
                try
                {
                    await context.CallActivityAsync<string>(nameof(NotifyActivity), notification with { Try = tries });
                    return;
                }
                catch (TaskFailedException e)
                {
                    var error = e.FailureDetails.ErrorMessage;
                    var next = context.CurrentUtcDateTime + retry.WaitAfter(tries);
                    if (next - firstTry > retry.GiveUpAfter)
                    {
                        logger.LogError("Shoot {ShootId}: the {Kind} email was given up after {Tries} tries: {Error}", ShootId, notification.Kind, tries, error);
                        await RecordEmailAsync(givenUp, new EmailRecord(EmailStates.GivenUp, tries, null, error));
                        return;
                    }
                    logger.LogWarning("Shoot {ShootId}: the {Kind} email failed (try {Tries}), next try at {NextTry:o}: {Error}",
                        ShootId, notification.Kind, tries, next, error);
                    await RecordEmailAsync(waiting, new EmailRecord(EmailStates.Pending, tries, new DateTimeOffset(next, TimeSpan.Zero), error));
                    await context.CreateTimer(next, CancellationToken.None);
                }
            }
        }

        Task RecordEmailAsync(StageRecord stage, EmailRecord email) =>
            context.CallActivityAsync<bool>(nameof(RecordStageActivity), stage with { Email = email }, ActivityRetry);
    }
}
