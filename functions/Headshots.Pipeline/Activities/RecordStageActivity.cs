using System.Text.Json;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Writes the shoot's stage, progress and outcome to the shoots table.</summary>
public sealed class RecordStageActivity(ShootStore shoots) : TaskActivity<StageRecord, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, StageRecord record) => RunAsync(record, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<bool> RunAsync(StageRecord record, CancellationToken cancellationToken)
    {
        await RecordAsync(shoots, record, cancellationToken);
        return true;
    }

    internal static Task RecordAsync(ShootStore shoots, StageRecord record, CancellationToken cancellationToken) =>
        shoots.UpdateAsync(record.ShootId, row =>
        {
            row.Stage = record.Stage;
            row.Done = record.Done;
            row.Total = record.Total;
            row.Status = record.Status;
            row.Error = record.Error ?? row.Error;
            row.PhotosUploaded = record.PhotosUploaded ?? row.PhotosUploaded;
            row.PhotosAccepted = record.PhotosAccepted ?? row.PhotosAccepted;
            row.Delivered = record.Delivered ?? row.Delivered;
            row.GalleryUrl = record.GalleryUrl ?? row.GalleryUrl;
            if (record.GpuSecondsByStage is not null) row.Ledger = JsonSerializer.Serialize(record.GpuSecondsByStage);
            // A late "pending" never overwrites "sent": the send activity marks it in the same write as its flag.
            if (record.Email is { } email && !(row.EmailState == EmailStates.Sent && email.State != EmailStates.Sent))
            {
                row.EmailState = email.State;
                row.EmailTries = email.Tries;
                row.EmailNextTryAt = email.NextTryAt;
                row.EmailError = email.LastError;
            }
        }, cancellationToken);
}
