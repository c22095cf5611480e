using Headshots.Engines.Faces;
using Headshots.Engines.Generation;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Turns an image a generative engine made into a candidate of its look: framed to the look's aspect ratio, written
/// as a JPEG beside the other candidates, measured like them and, given the identity profile, its face's distance to
/// the person taken, so the same selection rules apply whoever made it.
/// </summary>
public sealed class AssessJobHandler(JobBlobs blobs, FaceAnalyser? faces = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Assess;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var (lookId, name, _) = JobData.Parameters(job, AssessJobParameters.Parse);
        var look = LookCatalog.Find(lookId) ?? throw new InvalidJobException($"Unknown look '{lookId}'.");
        var generated = await blobs.ReadAsync(JobData.SingleInput(job), cancellationToken);
        Engines.Candidate candidate;
        try
        {
            candidate = GeneratedFraming.Frame(generated, look);
        }
        catch (ImageMagick.MagickException e)
        {
            throw new InvalidJobException($"The generated image of {job.JobId} cannot be read: {e.Message}");
        }
        var output = await blobs.WriteAsync($"{job.OutputPrefix}{name}.jpg", candidate.Jpeg, "image/jpeg", cancellationToken);
        var face = await CandidateFace.MeasureAsync(blobs, faces, job, candidate.Jpeg, cancellationToken);
        return new JobOutcome(new CandidateResult(output, look.Id, look.Aspect.Name,
            JobData.Measurements(candidate.Measurements, candidate.Width, candidate.Height), face), nameof(GeneratedFraming));
    }
}
