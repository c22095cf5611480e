using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
using Headshots.Engines.Retouch;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Builds what the generative editing engine needs from a headshot: the image padded to the model's square and the
/// mask of the region it may change (transparent there), from the face landmarks and the person mask.
/// </summary>
public sealed class PrepareEditJobHandler(JobBlobs blobs, EditMaskBuilder? masks = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.PrepareEdit;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var region = EditRegions.Of(EditRegions.Read(job) ?? throw new InvalidJobException(
            $"The prepare-edit job {job.JobId} has no '{EditJobParameters.RegionParameter}' parameter: use {string.Join(", ", EditJobParameters.Regions)}."));
        if (masks is null) throw new InvalidJobException("Edit masks need the face and person models (Worker:Engines = models).");
        // At the size the refine job merges at (the same bound), so the square's content is placed exactly as it is restored there.
        var image = RgbImage.Decode(await blobs.ReadAsync(JobData.SingleInput(job), cancellationToken), LandmarkFaceEnhancer.MaxEdge);
        EditMask mask;
        try
        {
            mask = masks.Build(image, region);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidJobException($"No edit mask can be made for this headshot: {e.Message}");
        }
        var canvas = EditMaskCanvas.For(image.Width, image.Height);
        var imagePath = await blobs.WriteAsync($"{job.OutputPrefix}edit-image.png", EditMaskCanvas.Png(canvas.Fit(image)), "image/png", cancellationToken);
        var maskPath = await blobs.WriteAsync($"{job.OutputPrefix}edit-mask.png", canvas.Fit(mask).ToPng(), "image/png", cancellationToken);
        return new JobOutcome(new PrepareEditResult(imagePath, maskPath, region.ToString().ToLowerInvariant(), JobData.Round(mask.Coverage)),
            nameof(EditMaskBuilder));
    }
}

/// <summary>The region parameter of the generative edit jobs, as the mask builder takes it.</summary>
internal static class EditRegions
{
    /// <summary>The job's edit parameters; null when it has none.</summary>
    public static EditJobParameters? Read(GpuJobMessage job) => JobData.Parameters(job, EditJobParameters.Parse);

    public static EditMaskRegion Of(EditJobParameters edit) => edit.Region switch
    {
        "hair" => EditMaskRegion.Hair,
        "expression" => EditMaskRegion.Expression,
        "clothing" => EditMaskRegion.Clothing,
        _ => EditMaskRegion.Background,
    };
}
