using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Records where a refinement stands, for the gallery and the CLI to show.</summary>
public sealed class RecordRefineActivity(RefineStore refines) : TaskActivity<RefineRecord, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, RefineRecord record) => RunAsync(record, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<bool> RunAsync(RefineRecord record, CancellationToken cancellationToken)
    {
        await refines.RecordAsync(record, cancellationToken);
        return true;
    }
}
