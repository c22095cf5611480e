using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The orchestration side of the GPU job protocol: submit, wait for the event "job:{jobId}" with a timeout,
/// resubmit (same job id, so the worker's idempotency applies) up to the attempt limit, then give up with a
/// clear failure rather than waiting forever. A result it cannot read (another protocol version, another kind's values)
/// is a failure that says so.
/// </summary>
internal static class GpuJobRunner
{
    static readonly TaskOptions SubmitRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    /// <summary>
    /// Submits the jobs in one activity (recording <paramref name="stage"/> first), then waits for each one's result,
    /// resubmitting a job alone when its wait times out. Results are in the order of <paramref name="jobs"/>.
    /// </summary>
    public static async Task<IReadOnlyList<GpuJobResult>> RunAllAsync(
        TaskOrchestrationContext context, StageRecord? stage, IReadOnlyList<GpuJobMessage> jobs, ShootSettings settings, ILogger logger, Action<int> onDone)
    {
        await context.CallActivityAsync<int>(nameof(SubmitGpuJobsActivity), new GpuJobBatch(stage, jobs), SubmitRetry);
        var tasks = jobs.Select(j => AwaitResultAsync(context, j, settings, logger)).ToList();
        var pending = new List<Task<GpuJobResult>>(tasks);
        var done = 0;
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            onDone(++done);
        }
        return tasks.Select(t => t.Result).ToList();
    }

    static async Task<GpuJobResult> AwaitResultAsync(TaskOrchestrationContext context, GpuJobMessage job, ShootSettings settings, ILogger logger)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // An event that arrives late, after its attempt timed out, is buffered and satisfies the next wait.
                var result = await context.WaitForExternalEvent<GpuJobResult>(GpuJobMessage.EventName(job.JobId), settings.JobAttemptTimeout);
                // One check here, so every stage reads a succeeded result's values as its kind's record.
                return result.ReadableAs(job.Kind);
            }
            catch (TaskCanceledException)
            {
                logger.LogWarning("GPU job {JobId} gave no result within {Timeout} (attempt {Attempt} of {MaxAttempts})",
                    job.JobId, settings.JobAttemptTimeout, attempt, settings.JobMaxAttempts);
            }
            if (attempt >= settings.JobMaxAttempts)
            {
                return GpuJobResult.Failure(job.JobId, job.InstanceId, "timed-out",
                    $"The {job.Kind} job gave no result in {settings.JobMaxAttempts} attempts of {settings.JobAttemptTimeout} each.");
            }
            // Same job id: the worker's idempotency turns a resubmission of finished work into a re-sent result.
            await context.CallActivityAsync<int>(nameof(SubmitGpuJobsActivity), new GpuJobBatch(null, [job with { Attempt = attempt + 1 }]), SubmitRetry);
        }
    }
}
