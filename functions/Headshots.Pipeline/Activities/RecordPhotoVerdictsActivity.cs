using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Writes each photo's verdict, reason and tip to the photos table.</summary>
public sealed class RecordPhotoVerdictsActivity(PhotoStore photos) : TaskActivity<PhotoVerdictBatch, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, PhotoVerdictBatch batch) => RunAsync(batch, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<bool> RunAsync(PhotoVerdictBatch batch, CancellationToken cancellationToken)
    {
        await photos.SaveAsync(batch.Verdicts.Select(v => new PhotoEntity
        {
            PartitionKey = batch.ShootId,
            RowKey = v.Name,
            Accepted = v.Accepted,
            Code = v.Code,
            Reason = v.Reason,
            Tip = v.Tip,
            NormalisedPath = v.NormalisedPath,
            Width = v.Width,
            Height = v.Height,
            Format = v.Format,
            Sharpness = v.Sharpness,
            MeanLuma = v.MeanLuma,
            Reasons = v.Reasons is { Count: > 0 } reasons ? string.Join(',', reasons) : null,
            Faces = v.Faces,
            FaceWidth = v.FaceWidth,
            FaceSharpness = v.FaceSharpness,
            FaceLuma = v.FaceLuma,
            Yaw = v.Yaw,
            IdentityDistance = v.IdentityDistance,
        }), cancellationToken);
        return true;
    }
}
