using System.IO.Compression;
using System.Text.Json;
using Azure;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Refine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Headshots.Pipeline.Storage;

namespace Headshots.Pipeline.Api;

/// <summary>GET /g/{token} (the gallery page) and GET /g/{token}/img/{file} (its images).</summary>
public sealed class GalleryApi(StorageClients storage, GalleryStore galleries, RefineStore refines, OrderEraser orderEraser, IOptions<EditingOptions> editing,
    ShootStore shoots, IOptions<PrivacyOptions> privacy)
{
    public const string ConfirmField = "confirm";

    /// <summary>
    /// POST /g/{token}/delete with confirm=yes (the gallery's form, or JSON): deletes every photo, headshot, version
    /// and record of the shoot and of every other shoot of its order (the first shoot and its reshoots, which the page
    /// lists), and the links themselves. Refused while a refinement is still being made.
    /// </summary>
    public async Task<ApiResponse> EraseAsync(string token, string? contentType, string? body, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var lookup = await galleries.FindAsync(token, cancellationToken);
        if (lookup.Status == GalleryLookupStatus.NotFound) return ApiResponse.Page(404, GalleryPageRenderer.RenderNotAvailable(expired: false));
        var back = $"/g/{token}";
        if (body is null) return Message(413, "The request is too large", "Send only the confirmation.", back);
        var (fields, readError) = RefineRequestReader.Read(contentType, body);
        if (fields is null) return Message(415, "The request cannot be read", readError!, back);
        if (!string.Equals(fields.GetValueOrDefault(ConfirmField)?.Trim(), "yes", StringComparison.Ordinal))
        {
            return Message(400, "Nothing was deleted", $"Tick the box that says you understand (\"{ConfirmField}\" must be \"yes\"): deleting cannot be undone.", back);
        }
        var row = await shoots.GetAsync(lookup.ShootId!, cancellationToken);
        if (row is null) return ApiResponse.Page(404, GalleryPageRenderer.RenderNotAvailable(expired: false));
        if (await orderEraser.RefiningAsync(await orderEraser.ListAsync(row, cancellationToken), cancellationToken))
        {
            return Message(409, "A refinement is still being made", "Wait until it has finished (the gallery shows when), then delete everything.", back);
        }
        var erased = await orderEraser.EraseAsync(row, client, cancellationToken);
        return ApiResponse.Page(200, GalleryPageRenderer.RenderMessage("Everything is deleted",
            $"Your uploaded photos, your likeness profile, every headshot and version, and the gallery links of {Shoots(erased.Count)} are gone from the studio. " +
            "Copies you downloaded are yours to keep.", "/", "Start a new shoot"));

        static ApiResponse Message(int status, string title, string detail, string back) =>
            ApiResponse.Page(status, GalleryPageRenderer.RenderMessage(title, detail, back));
    }

    /// <summary>"this shoot" or "your 2 shoots", as the deletion's answer counts them.</summary>
    public static string Shoots(int count) => count == 1 ? "this shoot" : $"your {count} shoots";

    public async Task<ApiResponse> PageAsync(string token, CancellationToken cancellationToken)
    {
        var (manifest, notAvailable) = await OpenAsync(token, cancellationToken);
        if (notAvailable is not null) return notAvailable;
        // Delivered refinements are in the manifest as versions; the rest are shown as notices.
        var notices = (await refines.ListAsync(manifest!.ShootId, cancellationToken))
            .Where(r => r.Status != RefineStatuses.Delivered)
            .Take(10)
            .Select(r => new RefinementNotice(r.ImageId, r.Changes, r.Status, RefineStatuses.IsFinal(r.Status), r.Message, $"/g/{token}/refine/{r.RowKey}"))
            .ToList();
        var row = await shoots.GetAsync(manifest.ShootId, cancellationToken);
        var order = row is null ? [] : await orderEraser.ListAsync(row, cancellationToken);
        var state = new GalleryPageState($"/g/{token}/refine", editing.Value.GenerativeEditsAvailable, notices, $"/g/{token}/zip", $"/g/{token}/delete",
            row is null ? null : ShootStatusReader.Email(row), order, row is null ? null : privacy.Value.ErasedOn(row.CreatedAt));
        return ApiResponse.Page(200, GalleryPageRenderer.Render(manifest, $"/g/{token}/img/", state));
    }

    public async Task<ApiResponse> ImageAsync(string token, string file, CancellationToken cancellationToken)
    {
        var (manifest, notAvailable) = await OpenAsync(token, cancellationToken);
        if (notAvailable is not null) return notAvailable;
        if (ServedContentType(manifest!, file) is not { } contentType) return ApiResponse.Problem(404, "No such image", "This gallery has no image of that name.");
        var blob = storage.Container(StorageNames.GalleryContainer).GetBlobClient($"{manifest!.ShootId}/{file}");
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
        return ApiResponse.File(download.Value.Content, download.Value.Details.ContentLength, contentType);
    }

    /// <summary>
    /// The content type <c>GET /g/{token}/img/{file}</c> serves a file with; null for any name the manifest does not
    /// list (JPEGs, and WebP files where delivered), so a path never reaches storage unchecked.
    /// </summary>
    public static string? ServedContentType(GalleryManifest manifest, string file) =>
        manifest.Files.Contains(file, StringComparer.Ordinal) ? GalleryFiles.ContentType(file) : null;

    /// <summary>
    /// GET /g/{token}/zip: every original and, where refined, its current version, streamed as a ZIP as it is read
    /// from storage (JPEGs are stored, not compressed again). JPEG only, even where WebP was delivered: the ZIP is the
    /// set of masters that opens everywhere, and the WebP files stay one link away on the page.
    /// </summary>
    public async Task<ApiResponse> ZipAsync(string token, CancellationToken cancellationToken)
    {
        var (manifest, notAvailable) = await OpenAsync(token, cancellationToken);
        if (notAvailable is not null) return notAvailable;
        var entries = manifest!.Images.SelectMany(i => (i.Versions is { Count: > 0 } v
                ? new[] { (Name: i.File, Entry: $"{i.ImageId}.jpg"), (Name: v[^1].File, Entry: $"{i.ImageId}-v{v[^1].Number}.jpg") }
                : [(Name: i.File, Entry: $"{i.ImageId}.jpg")]))
            .ToList();
        var container = storage.Container(StorageNames.GalleryContainer);
        var fileName = manifest.Name is { Length: > 0 } n && n.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-')
            ? $"headshots-{n.Replace(' ', '-')}.zip"
            : "headshots.zip";
        return ApiResponse.Download("application/zip", fileName, async (output, ct) =>
        {
            await using var buffer = new SyncWriteBuffer(output);
            var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
            foreach (var (name, entryName) in entries)
            {
                var entry = zip.CreateEntry(entryName, CompressionLevel.NoCompression);
                await using (var target = await entry.OpenAsync(ct))
                {
                    var blob = container.GetBlobClient($"{manifest.ShootId}/{name}");
                    await using var source = await blob.OpenReadAsync(cancellationToken: ct);
                    await source.CopyToAsync(target, ct);
                }
                await buffer.DrainAsync(ct);
            }
            await zip.DisposeAsync();
            await buffer.DrainAsync(ct);
        });
    }

    async Task<(GalleryManifest? Manifest, ApiResponse? NotAvailable)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var lookup = await galleries.FindAsync(token, cancellationToken);
        if (lookup.Status != GalleryLookupStatus.Found)
        {
            var expired = lookup.Status == GalleryLookupStatus.Expired;
            return (null, ApiResponse.Page(expired ? 410 : 404, GalleryPageRenderer.RenderNotAvailable(expired)));
        }
        try
        {
            var json = await storage.Container(StorageNames.GalleryContainer).GetBlobClient($"{lookup.ShootId}/gallery.json").DownloadContentAsync(cancellationToken);
            return (json.Value.Content.ToObjectFromJson<GalleryManifest>(PublishGalleryActivity.Json), null);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Retention has removed the files even though the token is still valid.
            return (null, ApiResponse.Page(410, GalleryPageRenderer.RenderNotAvailable(expired: true)));
        }
        catch (JsonException)
        {
            return (null, ApiResponse.Page(404, GalleryPageRenderer.RenderNotAvailable(expired: false)));
        }
    }
}
