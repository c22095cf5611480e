using System.Globalization;
using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Composes one candidate of one look from one source photo and, given the identity profile and the face models,
/// measures how far the candidate's face is from the person's reference identity.
/// </summary>
public sealed class GenerateJobHandler(JobBlobs blobs, IHeadshotComposer composer, FaceAnalyser? faces = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Generate;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var lookId = JobData.Required(job, "look");
        var look = LookCatalog.Find(lookId) ?? throw new InvalidJobException($"Unknown look '{lookId}'.");
        if (!int.TryParse(JobData.Required(job, "variant"), NumberStyles.None, CultureInfo.InvariantCulture, out var variant))
        {
            throw new InvalidJobException($"The generate job {job.JobId} has a variant that is not a number.");
        }
        var source = await blobs.ReadAsync(JobData.SingleInput(job), cancellationToken);
        var candidate = composer.Compose(source, look, variant, cancellationToken);
        var output = await blobs.WriteAsync($"{job.OutputPrefix}{look.Id}-{variant:00}.jpg", candidate.Jpeg, "image/jpeg", cancellationToken);
        var face = await CandidateFace.MeasureAsync(blobs, faces, job, candidate.Jpeg, cancellationToken);
        return new JobOutcome(new CandidateResult(output, look.Id, look.Aspect.Name,
            JobData.Measurements(candidate.Measurements, candidate.Width, candidate.Height), face, JobData.Source(candidate.Source)), composer.GetType().Name);
    }
}
