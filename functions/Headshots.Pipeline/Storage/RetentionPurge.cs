using Azure.Data.Tables;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Storage;

/// <summary>What one run of the purge did.</summary>
public sealed record RetentionPurgeResult(IReadOnlyList<string> Erased, int Swept, int Histories);

/// <summary>
/// Erases every shoot created more than <see cref="PrivacyOptions.RetentionDays"/> ago, whatever its state, with the
/// same eraser as a person's deletion (the tombstone row stays, without personal data, so the gallery link answers
/// "expired" and a late event cannot revive it), sweeps files written after a recent erasure, and purges every
/// finished orchestration history older than the retention. The Function App's timer and the local runtime run it.
/// </summary>
public sealed class RetentionPurge(ShootStore shoots, ShootDataEraser eraser, IOptions<PrivacyOptions> privacy, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    /// <summary>How long after an erasure its shoot is swept again: a GPU job already running when it was erased finishes well within it.</summary>
    public static readonly TimeSpan SweepWindow = TimeSpan.FromDays(1);

    static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<RetentionPurgeResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - privacy.Value.Retention;
        var recent = now - SweepWindow;
        var due = await shoots.QueryAsync(TableClient.CreateQueryFilter(
            $"(Status ne {ShootStatuses.Deleted} and CreatedAt lt {cutoff}) or (Status eq {ShootStatuses.Deleted} and ErasedAt ge {recent})"), cancellationToken);
        var erased = new List<string>();
        var swept = 0;
        foreach (var row in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Status == ShootStatuses.Deleted)
            {
                swept += await eraser.SweepAsync(row.PartitionKey, client, cancellationToken);
                continue;
            }
            await eraser.EraseAsync(row.PartitionKey, client, EraseReason.Retention, cancellationToken);
            erased.Add(row.PartitionKey);
        }
        var histories = await PurgeOlderHistoriesAsync(client, cutoff, cancellationToken);
        logger.LogInformation("Retention purge ({Days} days): {Erased} shoots erased, {Swept} late files deleted, {Histories} older histories purged",
            privacy.Value.RetentionDays, erased.Count, swept, histories);
        return new RetentionPurgeResult(erased, swept, histories);
    }

    /// <summary>
    /// Histories the shoots table does not lead to (a refinement whose row is gone, an instance of an older version).
    /// Best effort: the local runtime's gRPC sidecar fails a purge by date, and each shoot's own histories were already
    /// purged by id with its data above.
    /// </summary>
    async Task<int> PurgeOlderHistoriesAsync(DurableTaskClient client, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: cutoff, Statuses: Finished), cancellationToken)).PurgedInstanceCount;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Purging finished histories older than {Cutoff} failed ({Error}); each erased shoot's histories were purged by id", cutoff, e.Message);
            return 0;
        }
    }
}
