using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;

namespace Headshots.Jobs.Protocol;

/// <summary>The submitting side of the protocol: a job row, then a message on gpu-jobs.</summary>
public sealed class GpuJobQueue(StorageClients storage, TimeProvider clock)
{
    public async Task SubmitAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var table = storage.Table(StorageNames.JobsTable);
        if (job.Attempt == 1 && await TryAddFirstAsync(table, job, cancellationToken)) return;
        var existing = await table.GetEntityIfExistsAsync<JobEntity>(job.ShootId, job.JobId, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.Status == JobStatus.Succeeded && existing.Value.ResultJson is not null)
        {
            // Already done (the result event may have been lost or is still in flight): send the result again
            // instead of redoing the work.
            await storage.Queue(StorageNames.GpuResultsQueue).SendMessageAsync(existing.Value.ResultJson, cancellationToken);
            return;
        }

        var row = existing.HasValue ? existing.Value! : new JobEntity { PartitionKey = job.ShootId, RowKey = job.JobId };
        row.Kind = job.Kind;
        row.InstanceId = job.InstanceId;
        row.Status = row.Status == JobStatus.Running ? JobStatus.Running : JobStatus.Queued;
        row.Submissions += 1;
        row.QueuedAt = clock.GetUtcNow();
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        await storage.Queue(StorageNames.GpuJobsQueue).SendMessageAsync(JobJson.Serialize(job), cancellationToken);
    }

    /// <summary>The common case, in two writes: a new row, then the message. False when the row already exists.</summary>
    async Task<bool> TryAddFirstAsync(TableClient table, GpuJobMessage job, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new JobEntity
            {
                PartitionKey = job.ShootId, RowKey = job.JobId, Kind = job.Kind, InstanceId = job.InstanceId,
                Status = JobStatus.Queued, Submissions = 1, QueuedAt = clock.GetUtcNow(),
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A retried activity or a replayed stage: take the careful path.
            return false;
        }
        await storage.Queue(StorageNames.GpuJobsQueue).SendMessageAsync(JobJson.Serialize(job), cancellationToken);
        return true;
    }
}
