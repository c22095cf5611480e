using Headshots.Jobs.Protocol;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Writes the job row and enqueues the job on gpu-jobs; the orchestration then waits for its event.</summary>
public sealed class SubmitGpuJobActivity(GpuJobQueue queue) : TaskActivity<GpuJobMessage, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, GpuJobMessage job)
    {
        await queue.SubmitAsync(job, CancellationToken.None);
        return true;
    }
}
