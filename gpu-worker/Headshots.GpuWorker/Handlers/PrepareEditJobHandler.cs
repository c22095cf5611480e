using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
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
        var headshot = await blobs.ReadAsync(JobData.SingleInput(job), cancellationToken);
        var declared = new ImageMagick.MagickImageInfo(headshot);
        // The mask only has to hold at the model's square: a 16 MP base is analysed and masked at twice that size.
        var image = RgbImage.Decode(headshot, MaskEdge);
        EditMask mask;
        try
        {
            mask = masks.Build(image, region);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidJobException($"No edit mask can be made for this headshot: {e.Message}");
        }
        // The square's content is placed by the base's own size, exactly as the refine job restores the answer into it.
        var canvas = EditMaskCanvas.For((int)declared.Width, (int)declared.Height) with { SourceWidth = image.Width, SourceHeight = image.Height };
        var imagePath = await blobs.WriteAsync($"{job.OutputPrefix}edit-image.png", EditMaskCanvas.Png(canvas.Fit(image)), "image/png", cancellationToken);
        var maskPath = await blobs.WriteAsync($"{job.OutputPrefix}edit-mask.png", canvas.Fit(mask).ToPng(), "image/png", cancellationToken);
        return new JobOutcome(new PrepareEditResult(imagePath, maskPath, region.ToString().ToLowerInvariant(), JobData.Round(mask.Coverage)),
            nameof(EditMaskBuilder));
    }

    /// <summary>The long edge the mask is built at: finer than the model's square, a fraction of a 16 MP base's pixels.</summary>
    const int MaskEdge = 2 * EditMaskCanvas.ModelSize;
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
