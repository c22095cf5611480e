using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Does no pixel work: returns plausible results at once, naming its inputs as its outputs. Used only by the
/// orchestration benchmark, so that what is measured is the pipeline's own overhead.
/// </summary>
public sealed class NoOpJobHandler(string kind) : IGpuJobHandler
{
    static readonly ImageMeasurements Measured = new(1024, 1280, 100, 0, 0, 120);

    public string Kind { get; } = kind;

    public Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var first = job.Inputs.FirstOrDefault() ?? "";
        var look = job.Parameters.GetValueOrDefault("look", "");
        var aspect = Jobs.Looks.LookCatalog.Find(look)?.Aspect.Name ?? "4:5";
        GpuJobValues values = Kind switch
        {
            GpuJobKinds.Inspect => new InspectResult(null, new InspectedPhoto(first, null, Measured, "JPEG", 1024, 1280), null),
            GpuJobKinds.Identity => new IdentityResult(first, job.Inputs, 0, null),
            GpuJobKinds.Generate or GpuJobKinds.Assess => new CandidateResult(first, look, aspect, Measured, null),
            GpuJobKinds.Enhance => new EnhanceResult(first, Measured),
            GpuJobKinds.Upscale => new UpscaleResult(new UpscaleOutputs(first, first, first), 1024, 1280, 0),
            GpuJobKinds.Refine => new RefineResult(first, first, Measured, null),
            GpuJobKinds.PrepareEdit => new PrepareEditResult(first, first, job.Parameters.GetValueOrDefault("region", "background"), 0.5),
            GpuJobKinds.References => new ReferencesResult(job.Inputs, 0),
            GpuJobKinds.Diffuse => new DiffuseResult(first, 1, 0),
            _ => throw new InvalidJobException($"The no-op worker has no result for '{Kind}' jobs."),
        };
        return Task.FromResult(new JobOutcome(values, "noop"));
    }
}
