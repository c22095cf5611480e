using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Does no pixel work: returns plausible results at once. Used only by the orchestration benchmark,
/// so that what is measured is the pipeline's own overhead.
/// </summary>
public sealed class NoOpJobHandler(string kind) : IGpuJobHandler
{
    public string Kind { get; } = kind;

    public Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, string>
        {
            ["verdict"] = "accepted", ["width"] = "1024", ["height"] = "1280", ["sharpness"] = "100",
            ["clippedHighlights"] = "0", ["crushedShadows"] = "0", ["meanLuma"] = "120",
            ["look"] = job.Parameters.GetValueOrDefault("look", ""), ["aspect"] = job.Parameters.GetValueOrDefault("aspect", "4:5"),
        };
        if (Kind == GpuJobKinds.Identity) data["ranked"] = string.Join('|', job.Inputs);
        IReadOnlyList<string> outputs = Kind == GpuJobKinds.Upscale ? [job.Inputs[0], job.Inputs[0], job.Inputs[0]] : job.Inputs.Take(1).ToList();
        return Task.FromResult(new JobOutcome(outputs, data, "noop"));
    }
}
