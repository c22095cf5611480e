using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Api;

/// <summary>Combines the shoots table (durable record) with the orchestration's live progress.</summary>
public static class ShootStatusReader
{
    /// <param name="erasedOn">When retention erases the shoot (<see cref="Options.PrivacyOptions.ErasedOn"/>).</param>
    public static async Task<ShootStatus> ReadAsync(ShootEntity row, IReadOnlyList<PhotoEntity> photos, DateTimeOffset erasedOn, DurableTaskClient client,
        CancellationToken cancellationToken)
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
            row.CreatedAt, row.UpdatedAt,
            Email: Email(row),
            GalleryUrl: row.Status == ShootStatuses.Delivered ? row.GalleryUrl : null,
            ErasedOn: erasedOn);
    }

    /// <summary>The email's state as the person reads it; null before the shoot has an outcome to tell.</summary>
    public static EmailStatus? Email(ShootEntity row) => row.EmailState switch
    {
        EmailStates.Sent => new(EmailStates.Sent, row.EmailTries, null, row.EmailSentAt,
            row.EmailSentAt is { } at ? $"Emailed on {At(at)}." : "Emailed."),
        EmailStates.Pending when row.EmailNextTryAt is { } next => new(EmailStates.Pending, row.EmailTries, next, null,
            $"Email not sent yet: our mail server did not answer. We try again at {At(next)}, and keep trying for hours."),
        EmailStates.Pending => new(EmailStates.Pending, row.EmailTries, null, null, "Sending the email now."),
        EmailStates.GivenUp => new(EmailStates.GivenUp, row.EmailTries, null, null,
            $"Email not sent: our mail server did not answer after {row.EmailTries} tries. Nothing is lost" +
            (row.Status == ShootStatuses.Delivered ? ": your gallery is ready at its link; keep it." : "; this page says all the email would have.")),
        _ => null,
    };

    /// <summary>A day as the pages and emails write it: "6 January 2027".</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    static string At(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

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
