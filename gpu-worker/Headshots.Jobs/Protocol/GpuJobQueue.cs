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

    public async Task<JobEntity?> GetAsync(string shootId, string jobId, CancellationToken cancellationToken)
    {
        var row = await storage.Table(StorageNames.JobsTable).GetEntityIfExistsAsync<JobEntity>(shootId, jobId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
