using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// Sends one email from an orchestration and, while the mail server does not answer, tries again on durable timers
/// with growing waits until <see cref="EmailRetrySettings.GiveUpAfter"/>. Each try is one activity call without a retry
/// policy of its own: this loop is the retry, and the activity's flag on the shoot's row keeps a replay from sending twice.
/// Shared by the shoot's notify stage and the notice of an order stopped before its shoot started.
/// </summary>
public static class EmailRetryLoop
{
    /// <param name="waiting">The shoot's record while the email is not sent (the outcome, already final for the person).</param>
    /// <param name="givenUp">The shoot's record once the email is given up.</param>
    public static async Task RunAsync(TaskOrchestrationContext context, Notification notification, StageRecord waiting, StageRecord givenUp,
        EmailRetrySettings retry, ILogger logger)
    {
        var firstTry = context.CurrentUtcDateTime;
        await RecordAsync(context, waiting, new EmailRecord(EmailStates.Pending, 0));
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
                    logger.LogError("Shoot {ShootId}: the {Kind} email was given up after {Tries} tries: {Error}", notification.ShootId, notification.Kind, tries, error);
                    await RecordAsync(context, givenUp, new EmailRecord(EmailStates.GivenUp, tries, null, error));
                    return;
                }
                logger.LogWarning("Shoot {ShootId}: the {Kind} email failed (try {Tries}), next try at {NextTry:o}: {Error}",
                    notification.ShootId, notification.Kind, tries, next, error);
                await RecordAsync(context, waiting, new EmailRecord(EmailStates.Pending, tries, new DateTimeOffset(next, TimeSpan.Zero), error));
                await context.CreateTimer(next, CancellationToken.None);
            }
        }
    }

    static Task RecordAsync(TaskOrchestrationContext context, StageRecord stage, EmailRecord email) =>
        context.CallActivityAsync<bool>(nameof(RecordStageActivity), stage with { Email = email }, ActivityRetries.Standard);
}
