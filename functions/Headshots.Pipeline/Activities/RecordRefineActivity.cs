using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Records where a refinement stands, for the gallery and the CLI to show.</summary>
public sealed class RecordRefineActivity(RefineStore refines) : TaskActivity<RefineRecord, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RefineRecord record)
    {
        await refines.RecordAsync(record, CancellationToken.None);
        return true;
    }
}
