using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Delivery;

/// <summary>Tells the person how their shoot ended.</summary>
public sealed class ShootNotifier(EmailSender sender, PhotoStore photos, ShootStore shoots, GalleryManifestStore manifests, IOptions<PrivacyOptions> privacy,
    TimeProvider clock)
{
    /// <summary>How many thumbnails the email shows; the gallery has them all.</summary>
    public const int EmailThumbnails = 8;

    /// <summary>
    /// Sends the gallery email once per shoot, however often it is asked (an activity retried after the server took the
    /// message, a replay): the flag is set in the same write that records the email as sent. Never for an erased shoot.
    /// </summary>
    /// <returns>The server's answer; null when it was already sent or the shoot is gone.</returns>
    public async Task<string?> SendGalleryReadyOnceAsync(string shootId, string email, string? name, string galleryUrl, int images, int tries, CancellationToken cancellationToken)
    {
        var row = await shoots.GetAsync(shootId, cancellationToken);
        if (row is null || row.DeliveryEmailed || row.Status == ShootStatuses.Deleted) return null;
        var response = await SendGalleryReadyAsync(shootId, email, name, galleryUrl, images, privacy.Value.ErasedOn(row.CreatedAt), cancellationToken);
        await shoots.UpdateAsync(shootId, r =>
        {
            r.DeliveryEmailed = true;
            MarkSent(r, tries);
        }, cancellationToken);
        return response;
    }

    async Task<string> SendGalleryReadyAsync(string shootId, string email, string? name, string galleryUrl, int images, DateTimeOffset erasedOn,
        CancellationToken cancellationToken)
    {
        // Thumbnails are links into the gallery through the app (its token), never a public container.
        var manifest = await manifests.ReadAsync(shootId, cancellationToken);
        var thumbnails = (manifest?.Images ?? [])
            .Take(EmailThumbnails)
            .Select(i => new EmailThumbnail($"{galleryUrl}/img/{Uri.EscapeDataString(i.Thumbnail)}", $"{galleryUrl}#{Uri.EscapeDataString(i.ImageId)}",
                $"{i.LookName} headshot, {i.MadeBy.ToLowerInvariant()}", Caption(i)))
            .ToList();
        return await sender.SendAsync(EmailComposer.GalleryReady(email, name, galleryUrl, images, shootId, thumbnails, manifest?.MadeNotes, erasedOn), cancellationToken);
    }

    static string Caption(GalleryImage image) => image.IdentityDistance is { } d
        ? $"{image.MadeBy} · identity distance {d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"
        : image.MadeBy;

    /// <summary>Sends the failure email once per shoot, however often it is asked (duplicate events, replays).</summary>
    public async Task<string?> SendFailureOnceAsync(string shootId, string email, string? name, string error, CancellationToken cancellationToken, int tries = 1)
    {
        var row = await shoots.GetAsync(shootId, cancellationToken);
        if (row?.FailureEmailed == true || row?.Status == ShootStatuses.Deleted) return null;
        var verdicts = await photos.ListAsync(shootId, cancellationToken);
        var erasedOn = row is null ? (DateTimeOffset?)null : privacy.Value.ErasedOn(row.CreatedAt);
        var response = await sender.SendAsync(EmailComposer.ShootFailed(email, name, error, verdicts, shootId, erasedOn), cancellationToken);
        await shoots.UpdateAsync(shootId, r =>
        {
            r.FailureEmailed = true;
            MarkSent(r, tries);
        }, cancellationToken);
        return response;
    }

    /// <summary>
    /// Sends the shoot's email again now, at the person's or the operator's request (after "email not sent", or to
    /// have the link once more): the gallery link once delivered, why it stopped once failed. A retry the orchestrator
    /// still has scheduled then finds it sent and stops.
    /// </summary>
    /// <exception cref="System.Net.Sockets.SocketException">and MailKit's exceptions when the mail server does not take it.</exception>
    public async Task<string> ResendAsync(ShootEntity row, CancellationToken cancellationToken)
    {
        var shootId = row.PartitionKey;
        var delivered = row.Status == ShootStatuses.Delivered;
        var response = delivered
            ? await SendGalleryReadyAsync(shootId, row.Email!, row.Name, row.GalleryUrl!, row.Delivered, privacy.Value.ErasedOn(row.CreatedAt), cancellationToken)
            : await sender.SendAsync(EmailComposer.ShootFailed(row.Email!, row.Name, row.Error ?? "the shoot stopped",
                await photos.ListAsync(shootId, cancellationToken), shootId, privacy.Value.ErasedOn(row.CreatedAt)), cancellationToken);
        await shoots.UpdateAsync(shootId, r =>
        {
            if (delivered) r.DeliveryEmailed = true;
            else r.FailureEmailed = true;
            MarkSent(r, r.EmailTries + 1);
        }, cancellationToken);
        return response;
    }

    void MarkSent(ShootEntity row, int tries)
    {
        row.EmailState = EmailStates.Sent;
        row.EmailTries = tries;
        row.EmailSentAt = clock.GetUtcNow();
        row.EmailNextTryAt = null;
        row.EmailError = null;
    }
}
