using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>A stage's GPU jobs, submitted together, with the stage transition to record first.</summary>
public sealed record GpuJobBatch(StageRecord? Stage, IReadOnlyList<GpuJobMessage> Jobs);

/// <summary>
/// Records the stage, then writes each job's row and enqueues it on gpu-jobs; the orchestration then waits for
/// the jobs' events. One activity per stage, not per job: the fan-out costs one orchestration round trip.
/// </summary>
public sealed class SubmitGpuJobsActivity(GpuJobQueue queue, ShootStore shoots) : TaskActivity<GpuJobBatch, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, GpuJobBatch batch) => RunAsync(batch, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<int> RunAsync(GpuJobBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Stage is { } stage) await RecordStageActivity.RecordAsync(shoots, stage, cancellationToken);
        // Submitting is idempotent per job id, so a retried batch never duplicates work.
        await Parallel.ForEachAsync(batch.Jobs, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (job, ct) => await queue.SubmitAsync(job, ct));
        return batch.Jobs.Count;
    }
}
