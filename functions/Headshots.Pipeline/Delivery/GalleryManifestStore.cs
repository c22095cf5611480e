using Azure;
using Azure.Storage.Blobs.Models;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;

namespace Headshots.Pipeline.Delivery;

/// <summary>Reads gallery.json and changes it under optimistic concurrency, re-rendering index.html with it.</summary>
public sealed class GalleryManifestStore(StorageClients storage)
{
    const int MaxAttempts = 8;

    public async Task<GalleryManifest?> ReadAsync(string shootId, CancellationToken cancellationToken)
    {
        try
        {
            var json = await Blob(shootId, "gallery.json").DownloadContentAsync(cancellationToken);
            return json.Value.Content.ToObjectFromJson<GalleryManifest>(PublishGalleryActivity.Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current manifest and writes it only if nobody wrote in between
    /// (two refinements finishing together each add their version); retried from a fresh read otherwise.
    /// </summary>
    public async Task<GalleryManifest> UpdateAsync(string shootId, Func<GalleryManifest, GalleryManifest> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var blob = Blob(shootId, "gallery.json");
            var current = await blob.DownloadContentAsync(cancellationToken);
            var manifest = current.Value.Content.ToObjectFromJson<GalleryManifest>(PublishGalleryActivity.Json)
                ?? throw new InvalidOperationException($"The gallery manifest of shoot {shootId} is empty.");
            var changed = change(manifest);
            if (ReferenceEquals(changed, manifest)) return manifest;
            try
            {
                await blob.UploadAsync(BinaryData.FromObjectAsJson(changed, PublishGalleryActivity.Json), new BlobUploadOptions
                {
                    HttpHeaders = new() { ContentType = "application/json" },
                    Conditions = new() { IfMatch = current.Value.Details.ETag },
                }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                continue;
            }
            await Blob(shootId, "index.html").UploadAsync(BinaryData.FromString(GalleryPageRenderer.Render(changed, "")),
                new BlobUploadOptions { HttpHeaders = new() { ContentType = "text/html; charset=utf-8" } }, cancellationToken);
            return changed;
        }
    }

    Azure.Storage.Blobs.BlobClient Blob(string shootId, string name) =>
        storage.Container(StorageNames.GalleryContainer).GetBlobClient($"{shootId}/{name}");
}
