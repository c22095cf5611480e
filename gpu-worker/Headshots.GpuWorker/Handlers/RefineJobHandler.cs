using Headshots.Engines;
using Headshots.Engines.Edits;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Retouch;
using Headshots.Jobs.Edits;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Applies a refinement to one headshot, non-destructively: the input is the version's unretouched base, the
/// clothes and background edits make a new base, and the face retouch (the version's settings with the request's
/// on top) makes the new master. Both are written; the identity check runs on the master.
/// </summary>
/// <remarks>
/// After a generative edit ("generated" names the model's square answer, "region" what it was allowed to change),
/// the answer is first cut back to the headshot's frame and merged into the base only inside that region's mask:
/// the model re-renders the whole square, and nothing outside the region may change. The base is worked on at its
/// own size (a native headshot's base is its full-resolution render, up to the delivered 16 MP): only the model's
/// square is small, and its answer is enlarged into the region alone.
/// </remarks>
public sealed class RefineJobHandler(JobBlobs blobs, IFaceEnhancer enhancer, IHeadshotEditor? editor = null, FaceAnalyser? faces = null,
    EditMaskBuilder? masks = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Refine;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var parsed = RefineEdits.Parse(job.Parameters.Where(p => RefineEdits.Fields.Contains(p.Key)).ToDictionary(p => p.Key, p => (string?)p.Value), allowEmpty: true);
        var edits = parsed.Edits ?? throw new InvalidJobException($"The refine job {job.JobId} has invalid edits: {string.Join(" ", parsed.Errors)}");
        if (edits.NeedsGenerativeEngine)
        {
            throw new InvalidJobException($"The refine job {job.JobId} carries a generative change (hair, expression, outfit or scene); the generative edit is made before this job, by the cloud engine.");
        }

        var input = JobData.SingleInput(job);
        var source = await blobs.ReadAsync(input, cancellationToken);
        var engine = "local-retouch";
        if (EditRegions.Read(job) is { Generated: { } generatedPath } generative)
        {
            source = MergeGenerated(generative, source, await blobs.ReadAsync(generatedPath, cancellationToken));
            engine = "generative+retouch";
        }
        var edited = source;
        if (edits.Clothes is not null || edits.Background is not null)
        {
            if (editor is null)
            {
                throw new InvalidJobException("Clothes and background edits need the face and person models (Worker:Engines = models).");
            }
            edited = editor.Edit(source, edits.Clothes, edits.Background, cancellationToken).Jpeg;
            engine = engine.Replace("retouch", "local-editor+retouch", StringComparison.Ordinal);
        }

        var master = enhancer.Enhance(edited, RetouchSettings.For(edits), cancellationToken);
        var basePath = await blobs.WriteAsync($"{job.OutputPrefix}base.jpg", edited, "image/jpeg", cancellationToken);
        var masterPath = await blobs.WriteAsync($"{job.OutputPrefix}master.jpg", master.Jpeg, "image/jpeg", cancellationToken);
        var face = await CandidateFace.MeasureAsync(blobs, faces, job, master.Jpeg, cancellationToken);
        return new JobOutcome(new RefineResult(basePath, masterPath, JobData.Measurements(master.Measurements, master.Width, master.Height), face), engine);
    }

    byte[] MergeGenerated(EditJobParameters generative, byte[] baseJpeg, byte[] generatedPng)
    {
        if (masks is null) throw new InvalidJobException("Merging a generative edit needs the face and person models (Worker:Engines = models).");
        // The retouch's own bound, above every delivered size: a 16 MP base is never reduced here.
        var original = RgbImage.Decode(baseJpeg, LandmarkFaceEnhancer.MaxEdge);
        var mask = masks.Build(original, EditRegions.Of(generative));
        var restored = EditMaskCanvas.For(original.Width, original.Height).Restore(RgbImage.Decode(generatedPng, GeneratedEdge));
        using var merged = EditMaskCanvas.Merge(original, restored, mask).ToMagick();
        return JpegEncoder.EncodeWorkFile(merged, 95);
    }

    /// <summary>The model answers squares of about <see cref="EditMaskCanvas.ModelSize"/>; anything far larger is not its answer.</summary>
    const int GeneratedEdge = 4 * EditMaskCanvas.ModelSize;
}
