using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Api;

/// <summary>Combines the shoots table (durable record) with the orchestration's live progress.</summary>
public static class ShootStatusReader
{
    public static async Task<ShootStatus> ReadAsync(ShootEntity row, IReadOnlyList<PhotoEntity> photos, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var stage = row.Stage;
        var done = row.Done;
        var total = row.Total;
        if (row.Status == ShootStatuses.Running)
        {
            var instance = await client.GetInstanceAsync(row.PartitionKey, getInputsAndOutputs: false, cancellationToken);
            if (instance?.SerializedCustomStatus is not null && instance.ReadCustomStatusAs<ShootProgress>() is { } live && live.Stage == row.Stage)
            {
                done = live.Done;
                total = live.Total;
            }
        }
        return new ShootStatus(row.PartitionKey, row.Status, stage, done, total, ShootStages.Pipeline, row.Error,
            row.PhotosUploaded, row.PhotosAccepted, row.Delivered,
            photos.OrderBy(p => p.RowKey, StringComparer.Ordinal)
                .Select(p => new PhotoStatus(p.RowKey, p.Accepted, p.Code, p.Reason, p.Tip, p.Width, p.Height,
                    p.Reasons?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? (p.Code is null ? [] : [p.Code]),
                    new PhotoMeasurementsStatus(p.Faces, p.FaceWidth, p.FaceSharpness, p.FaceLuma, p.Yaw, p.IdentityDistance))).ToList(),
            row.CreatedAt, row.UpdatedAt);
    }

    /// <summary>The delivered images as the API describes them.</summary>
    public static DeliveredImagesStatus Images(GalleryManifest manifest) => new(
        manifest.Generation?.Engine ?? CandidateEngines.Reframe,
        manifest.Images.Count(i => i.Generated),
        manifest.Images.Count(i => !i.Generated),
        manifest.MadeNotes,
        manifest.Images.Select(i => new DeliveredImageStatus(i.ImageId, i.Look, i.Engine ?? CandidateEngines.Reframe, i.MadeBy, i.IdentityDistance, i.Width, i.Height)).ToList(),
        manifest.Generation?.Cost,
        manifest.Generation?.Currency);
}
