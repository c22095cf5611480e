using Headshots.Engines;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Retouches one selected headshot.</summary>
public sealed class EnhanceJobHandler(JobBlobs blobs, IFaceEnhancer enhancer) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Enhance;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var input = JobData.SingleInput(job);
        var enhanced = enhancer.Enhance(await blobs.ReadAsync(input, cancellationToken), Headshots.Engines.Retouch.RetouchSettings.Natural, cancellationToken);
        var output = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.jpg", enhanced.Jpeg, "image/jpeg", cancellationToken);
        return new JobOutcome(new EnhanceResult(output, JobData.Measurements(enhanced.Measurements, enhanced.Width, enhanced.Height)), enhancer.GetType().Name);
    }
}
