using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The orchestration side of the GPU job protocol: submit, wait for the event "job:{jobId}" with a timeout,
/// resubmit (same job id, so the worker's idempotency applies) up to the attempt limit, then give up with a
/// clear failure rather than waiting forever.
/// </summary>
internal static class GpuJobRunner
{
    static readonly TaskOptions SubmitRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    public static async Task<GpuJobResult> RunAsync(TaskOrchestrationContext context, GpuJobMessage job, ShootSettings settings, ILogger logger)
    {
        for (var attempt = 1; attempt <= settings.JobMaxAttempts; attempt++)
        {
            await context.CallActivityAsync<bool>(nameof(SubmitGpuJobActivity), job with { Attempt = attempt }, SubmitRetry);
            try
            {
                // An event that arrives late, after its attempt timed out, is buffered and satisfies the next wait.
                return await context.WaitForExternalEvent<GpuJobResult>(GpuJobMessage.EventName(job.JobId), settings.JobAttemptTimeout);
            }
            catch (TaskCanceledException)
            {
                logger.LogWarning("GPU job {JobId} gave no result within {Timeout} (attempt {Attempt} of {MaxAttempts})",
                    job.JobId, settings.JobAttemptTimeout, attempt, settings.JobMaxAttempts);
            }
        }
        return GpuJobResult.Failure(job.JobId, job.InstanceId, "timed-out",
            $"The {job.Kind} job gave no result in {settings.JobMaxAttempts} attempts of {settings.JobAttemptTimeout} each.");
    }

    /// <summary>Runs the jobs in parallel, reporting each completion; results are in the order of <paramref name="jobs"/>.</summary>
    public static async Task<IReadOnlyList<GpuJobResult>> RunAllAsync(
        TaskOrchestrationContext context, IReadOnlyList<GpuJobMessage> jobs, ShootSettings settings, ILogger logger, Action<int> onDone)
    {
        var tasks = jobs.Select(j => RunAsync(context, j, settings, logger)).ToList();
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
}
