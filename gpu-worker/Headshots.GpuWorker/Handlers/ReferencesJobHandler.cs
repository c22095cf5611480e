using Headshots.Engines.Faces;
using Headshots.Engines.Generation;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Crops the person's best-ranked photos to head and shoulders, level, at full quality, in the order given (the
/// identity stage's ranking): output i is input i's reference, written as references/{i:00}.jpg.
/// </summary>
public sealed class ReferencesJobHandler(JobBlobs blobs, FaceAnalyser? faces = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.References;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        if (job.Inputs.Count is 0 or > 16)
        {
            throw new InvalidJobException($"The references job {job.JobId} needs 1 to 16 photos, got {job.Inputs.Count}.");
        }
        var outputs = new List<string>();
        var withoutFace = 0;
        for (var i = 0; i < job.Inputs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var crop = ReferenceCrop.Render(await blobs.ReadAsync(job.Inputs[i], cancellationToken), faces);
            if (!crop.FaceFound) withoutFace++;
            outputs.Add(await blobs.WriteAsync($"{job.OutputPrefix}{i:00}.jpg", crop.Jpeg, "image/jpeg", cancellationToken));
        }
        return new JobOutcome(new ReferencesResult(outputs, withoutFace), nameof(ReferenceCrop));
    }
}
