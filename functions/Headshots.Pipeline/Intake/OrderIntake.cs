using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Intake;

/// <summary>What became of an order blob.</summary>
public enum OrderIntakeResult { Started, AlreadyStarted, Rejected }

/// <summary>
/// Handles the creation of uploads/{shootId}/order.json: the blob trigger in Azure, the blob watcher locally.
/// Starts the shoot with instance id = shoot id, so a duplicate event starts nothing.
/// </summary>
public sealed class OrderIntake(
    StorageClients storage,
    ShootStore shoots,
    ShootSettingsFactory settings,
    OrderTrainings trainings,
    IOptions<PipelineOptions> options,
    IOptions<EmailRetryOptions> emailRetry,
    TimeProvider clock,
    ILogger<OrderIntake> logger)
{
    static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    static readonly OrchestrationRuntimeStatus[] AnyStatus =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Suspended,
    ];

    public async Task<OrderIntakeResult> HandleAsync(string shootId, BinaryData order, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!UploadLayout.IsValidShootId(shootId))
        {
            // Not a shoot this service created (the SAS only covers real ids): nothing to tell, nothing to start.
            logger.LogWarning("Ignoring an order under '{ShootId}', which is not a shoot id", shootId);
            return OrderIntakeResult.Rejected;
        }
        var previous = await client.GetInstanceAsync(shootId, cancellationToken);
        if (previous is not null && !await MayRestartAsync(shootId, previous, client, cancellationToken))
        {
            logger.LogInformation("Shoot {ShootId} is already started; ignoring the repeated order event", shootId);
            return OrderIntakeResult.AlreadyStarted;
        }

        var parsed = OrderParser.Parse(order.ToMemory().Span, options.Value.DefaultLooks);
        if (parsed.Order is null)
        {
            await RejectAsync(shootId, parsed, client, cancellationToken);
            return OrderIntakeResult.Rejected;
        }

        var input = settings.Create(shootId, parsed.Order);
        // Event Grid may deliver the same event twice, at the same moment: a conditional write on the shoot's row
        // lets exactly one caller start it. A claim whose start never happened (a crash in between) goes stale.
        var row = await shoots.GetAsync(shootId, cancellationToken) ?? new ShootEntity { PartitionKey = shootId, CreatedAt = clock.GetUtcNow() };
        var claimedRecently = row.Status == ShootStatuses.Running && clock.GetUtcNow() - row.UpdatedAt < StaleClaim;
        if (row.Status is ShootStatuses.Delivered or ShootStatuses.Deleted || claimedRecently)
        {
            logger.LogInformation("Shoot {ShootId} is already claimed; ignoring the repeated order event", shootId);
            return OrderIntakeResult.AlreadyStarted;
        }
        var claimed = await shoots.TryClaimAsync(row, r =>
        {
            r.Status = ShootStatuses.Running;
            r.Stage = ShootStages.Queued;
            r.Email = parsed.Order.Email;
            r.Name = parsed.Order.Name ?? r.Name;
            r.Looks = string.Join(',', parsed.Order.Looks);
            r.Error = null;
            // A restart after replacement photos: the next outcome is told again, and a repeat of this order starts nothing.
            r.RestartRequested = false;
            r.FailureEmailed = false;
            r.EmailState = null;
            r.EmailTries = 0;
            r.EmailNextTryAt = null;
            r.EmailSentAt = null;
            r.EmailError = null;
        }, cancellationToken);
        if (!claimed)
        {
            logger.LogInformation("Shoot {ShootId} was claimed by a concurrent order event", shootId);
            return OrderIntakeResult.AlreadyStarted;
        }
        // A reshoot counts against its order when its photos are in; two reshoots asked for at once cannot both run.
        if (row.OrderShootId is { } orderShootId && !await trainings.TryUseAsync(orderShootId, shootId, cancellationToken))
        {
            logger.LogWarning("Reshoot {ShootId} refused: order {OrderShootId} has no training left", shootId, orderShootId);
            await StopAsync(shootId, trainings.UsedUpMessage, row.Email, row.Name, client, cancellationToken);
            return OrderIntakeResult.Rejected;
        }
        // A corrected order after a rejected one: the rejection's email, if still waiting for the mail server, is moot.
        await OrchestrationEnder.EndAsync(client, StopNoticeOrchestrator.InstanceIdFor(shootId), "a corrected order starts the shoot", cancellationToken);
        if (previous is not null)
        {
            // Only the claimant gets here; the stopped run's history makes way for the new run under the same id.
            await client.PurgeInstanceAsync(shootId, cancellation: cancellationToken);
            // Job ids are positions (inspect-003): with new photos in the list, the stopped run's results would be
            // handed back for the wrong photos, since a resubmitted job that already succeeded is not redone.
            var jobs = storage.Table(StorageNames.JobsTable);
            await foreach (var job in jobs.QueryAsync<TableEntity>(j => j.PartitionKey == shootId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await jobs.DeleteEntityAsync(job.PartitionKey, job.RowKey, ETag.All, cancellationToken);
            }
            logger.LogInformation("Shoot {ShootId} restarts with replacement photos", shootId);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ShootOrchestrator), input, new StartOrchestrationOptions(shootId).WithDedupeStatuses(AnyStatus), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(shootId, cancellationToken) is not null)
            {
                logger.LogInformation("Shoot {ShootId} was started by a concurrent order event", shootId);
                return OrderIntakeResult.AlreadyStarted;
            }
            throw;
        }
        logger.LogInformation("Shoot {ShootId} started with {Looks}", shootId, string.Join(',', parsed.Order.Looks));
        return OrderIntakeResult.Started;
    }

    /// <summary>
    /// A shoot that stopped may run again under the same id, once, when replacement photos were asked for through its
    /// status link (POST /api/shoots/{id}/replacements); any other repeat of the order starts nothing.
    /// </summary>
    async Task<bool> MayRestartAsync(string shootId, OrchestrationMetadata previous, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var row = await shoots.GetAsync(shootId, cancellationToken);
        if (row is not { Status: ShootStatuses.Failed, RestartRequested: true }) return false;
        // A stopped shoot may still be running to retry its failure email through a mail outage: the new photos win.
        return previous.IsCompleted
            || await OrchestrationEnder.EndAsync(client, shootId, "replacement photos restart the shoot", cancellationToken);
    }

    async Task RejectAsync(string shootId, OrderParseResult parsed, DurableTaskClient client, CancellationToken cancellationToken)
    {
        logger.LogWarning("Shoot {ShootId}: order rejected: {Error}", shootId, parsed.Error);
        var existing = await shoots.GetAsync(shootId, cancellationToken);
        await StopAsync(shootId, parsed.Error + " Fix order.json and upload it again.", parsed.ReachableEmail ?? existing?.Email, existing?.Name, client, cancellationToken,
            emailed: parsed.Error!);
    }

    /// <summary>
    /// Records the stop, then hands the failure email to <see cref="StopNoticeOrchestrator"/>, so a mail outage delays
    /// it instead of failing this trigger (whose retries would end in a poison message and no email).
    /// </summary>
    /// <param name="emailed">What the email says, when it should say less than the status page.</param>
    async Task StopAsync(string shootId, string error, string? email, string? name, DurableTaskClient client, CancellationToken cancellationToken, string? emailed = null)
    {
        await shoots.UpdateAsync(shootId, row =>
        {
            row.Status = ShootStatuses.Failed;
            row.Stage = ShootStages.Failed;
            row.Error = error;
            row.Email ??= email;
        }, cancellationToken);
        if (email is null) return;
        var retry = emailRetry.Value;
        var notice = new StopNotice(shootId, email, name, error, emailed ?? error,
            new EmailRetrySettings(retry.FirstWait, retry.Growth, retry.MaxWait, retry.GiveUpAfter));
        try
        {
            // A repeated event finds the notice already scheduled (or sent: the row's flag) and schedules nothing.
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(StopNoticeOrchestrator), notice,
                new StartOrchestrationOptions(StopNoticeOrchestrator.InstanceIdFor(shootId)).WithDedupeStatuses(AnyStatus), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(StopNoticeOrchestrator.InstanceIdFor(shootId), cancellationToken) is null) throw;
            logger.LogInformation("Shoot {ShootId}: the stop notice was already scheduled", shootId);
        }
    }
}
