using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Headshots.GpuWorker.Handlers;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Processing;

/// <summary>
/// Processes one delivery of one gpu-jobs message: idempotent by job id, keeps the message invisible
/// while working, and turns a poison message into a clear job failure.
/// </summary>
public sealed class GpuJobProcessor(
    StorageClients storage,
    IEnumerable<IGpuJobHandler> handlers,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<GpuJobProcessor> logger)
{
    readonly Dictionary<string, IGpuJobHandler> handlersByKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    QueueClient JobsQueue => storage.Queue(StorageNames.GpuJobsQueue);
    QueueClient ResultsQueue => storage.Queue(StorageNames.GpuResultsQueue);
    TableClient Jobs => storage.Table(StorageNames.JobsTable);

    public async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var receipt = new MessageReceipt(message.MessageId, message.PopReceipt);
        GpuJobMessage job;
        try
        {
            job = JobJson.Deserialize<GpuJobMessage>(message.MessageText);
            Validate(job);
        }
        catch (Exception e) when (e is JsonException or InvalidJobException)
        {
            await RejectMalformedAsync(message, e.Message, cancellationToken);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.JobId, ["ShootId"] = job.ShootId, ["Kind"] = job.Kind });
        var row = await GetRowAsync(job, cancellationToken);
        if (row.Status == JobStatus.Succeeded && row.ResultJson is not null && IsCurrent(row.ResultJson))
        {
            logger.LogInformation("Job {JobId} was already done; sending its result again", job.JobId);
            await ResultsQueue.SendMessageAsync(row.ResultJson, cancellationToken);
            await DeleteAsync(receipt, cancellationToken);
            return;
        }
        if (message.DequeueCount > options.Value.MaxDequeueCount)
        {
            var why = $"The {job.Kind} job was delivered {message.DequeueCount} times without finishing " +
                      $"(last error: {row.Error ?? "the worker stopped while running it"}).";
            await FinishAsync(job, row, GpuJobResult.Failure(job.JobId, job.InstanceId, "poison", why), receipt, cancellationToken);
            return;
        }

        row.Status = JobStatus.Running;
        row.Executions += 1;
        row.StartedAt = clock.GetUtcNow();
        row.WorkerId = options.Value.WorkerId;
        row.Kind = job.Kind;
        row.InstanceId = job.InstanceId;
        await Jobs.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = KeepInvisibleAsync(receipt, work.Token);
        var stopwatch = Stopwatch.StartNew();
        GpuJobResult result;
        try
        {
            var outcome = await handlersByKind[job.Kind].HandleAsync(job, work.Token);
            result = GpuJobResult.Success(job.JobId, job.InstanceId, outcome.Values, outcome.Engine, stopwatch.Elapsed.TotalSeconds);
        }
        catch (InvalidJobException e)
        {
            result = GpuJobResult.Failure(job.JobId, job.InstanceId, "failed", e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Possibly transient: leave the message to be delivered again, up to MaxDequeueCount.
            logger.LogWarning(e, "Job {JobId} failed on delivery {Delivery}; it will be retried", job.JobId, message.DequeueCount);
            await work.CancelAsync();
            await SwallowCancellation(keepAlive);
            row.Error = e.Message;
            row.Status = JobStatus.Queued;
            await Jobs.UpsertEntityAsync(row, TableUpdateMode.Replace, CancellationToken.None);
            if (message.DequeueCount >= options.Value.MaxDequeueCount)
            {
                await FinishAsync(job, row, GpuJobResult.Failure(job.JobId, job.InstanceId, "failed",
                    $"The {job.Kind} job failed {message.DequeueCount} times: {e.Message}"), receipt, CancellationToken.None);
            }
            else
            {
                // Back off briefly rather than waiting out the whole visibility timeout.
                var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.DequeueCount)));
                await JobsQueue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: backoff, cancellationToken: CancellationToken.None);
            }
            return;
        }
        finally
        {
            await work.CancelAsync();
        }
        await SwallowCancellation(keepAlive);
        await FinishAsync(job, row, result, receipt, cancellationToken);
    }

    async Task FinishAsync(GpuJobMessage job, JobEntity row, GpuJobResult result, MessageReceipt receipt, CancellationToken cancellationToken)
    {
        var json = JobJson.Serialize(result);
        row.Status = result.Succeeded ? JobStatus.Succeeded : JobStatus.Failed;
        row.CompletedAt = clock.GetUtcNow();
        row.GpuSeconds += result.Seconds;
        row.Engine = result.Engine;
        row.ErrorCode = result.ErrorCode;
        row.Error = result.Error;
        row.ResultJson = json;
        // Row first, then the result, then the delete: a crash in between only causes a re-send, never lost work.
        await Jobs.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        await ResultsQueue.SendMessageAsync(json, cancellationToken);
        await DeleteAsync(receipt, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Job {JobId} ({Kind}) done in {Seconds:0.000} s", job.JobId, job.Kind, result.Seconds);
        }
        else
        {
            logger.LogWarning("Job {JobId} ({Kind}) failed: {ErrorCode} {Error}", job.JobId, job.Kind, result.ErrorCode, result.Error);
        }
    }

    async Task KeepInvisibleAsync(MessageReceipt receipt, CancellationToken cancellationToken)
    {
        var timeout = options.Value.VisibilityTimeout;
        var period = TimeSpan.FromTicks(Math.Max(timeout.Ticks / 3, TimeSpan.FromMilliseconds(500).Ticks));
        using var timer = new PeriodicTimer(period, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var updated = await JobsQueue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: timeout, cancellationToken: cancellationToken);
            receipt.PopReceipt = updated.Value.PopReceipt;
        }
    }

    async Task DeleteAsync(MessageReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await JobsQueue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another worker took the message after our visibility lapsed; it will find the job done and only re-send.
        }
    }

    async Task RejectMalformedAsync(QueueMessage message, string why, CancellationToken cancellationToken)
    {
        logger.LogError("Discarding a malformed gpu-jobs message {MessageId}: {Why}", message.MessageId, why);
        // If the message names its job and instance, the waiting orchestration is told at once instead of timing out.
        try
        {
            using var doc = JsonDocument.Parse(message.MessageText);
            if (doc.RootElement.TryGetProperty("jobId", out var jobId) && doc.RootElement.TryGetProperty("instanceId", out var instanceId) &&
                jobId.ValueKind == JsonValueKind.String && instanceId.ValueKind == JsonValueKind.String)
            {
                var failure = GpuJobResult.Failure(jobId.GetString()!, instanceId.GetString()!, "bad-message", $"The job message is invalid: {why}");
                await ResultsQueue.SendMessageAsync(JobJson.Serialize(failure), cancellationToken);
            }
        }
        catch (JsonException)
        {
        }
        await storage.Queue(StorageNames.GpuJobsQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Queue(StorageNames.GpuJobsQueue + "-poison").SendMessageAsync(message.MessageText, cancellationToken);
        await JobsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>
    /// Whether a stored result is of this worker's protocol version: one written before an upgrade is not re-sent (the
    /// orchestration could not read it) but made again.
    /// </summary>
    static bool IsCurrent(string resultJson)
    {
        try
        {
            return JobJson.Deserialize<GpuJobResult>(resultJson).Version == GpuJobResult.CurrentVersion;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    void Validate(GpuJobMessage job)
    {
        if (string.IsNullOrWhiteSpace(job.JobId) || string.IsNullOrWhiteSpace(job.ShootId) || string.IsNullOrWhiteSpace(job.InstanceId))
        {
            throw new InvalidJobException("jobId, shootId and instanceId are required.");
        }
        if (!handlersByKind.ContainsKey(job.Kind ?? ""))
        {
            throw new InvalidJobException($"Unknown job kind '{job.Kind}'; expected one of {string.Join(", ", handlersByKind.Keys)}.");
        }
        if (job.Inputs is null || job.Parameters is null || job.OutputPrefix is null)
        {
            throw new InvalidJobException("inputs, parameters and outputPrefix are required.");
        }
    }

    async Task<JobEntity> GetRowAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var existing = await Jobs.GetEntityIfExistsAsync<JobEntity>(job.ShootId, job.JobId, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value! : new JobEntity { PartitionKey = job.ShootId, RowKey = job.JobId, Kind = job.Kind, InstanceId = job.InstanceId };
    }

    static async Task SwallowCancellation(Task task)
    {
        try { await task; } catch (OperationCanceledException) { }
    }

    sealed class MessageReceipt(string messageId, string popReceipt)
    {
        public string MessageId { get; } = messageId;
        public string PopReceipt { get; set; } = popReceipt;
    }
}
