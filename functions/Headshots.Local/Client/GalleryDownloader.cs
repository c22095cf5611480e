using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;

namespace Headshots.Local.Client;

/// <summary>
/// Copies a delivered gallery (16 MP JPEGs, web copies, thumbnails, the WebP files where the studio delivers WebP,
/// index.html, gallery.json) into a folder: every file the manifest names.
/// </summary>
public static class GalleryDownloader
{
    public static async Task<GalleryManifest> DownloadAsync(StorageClients storage, string shootId, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var gallery = storage.Container(StorageNames.GalleryContainer);
        var manifestJson = await gallery.GetBlobClient($"{shootId}/gallery.json").DownloadContentAsync(cancellationToken);
        var manifest = manifestJson.Value.Content.ToObjectFromJson<GalleryManifest>(PublishGalleryActivity.Json)!;
        var files = manifest.Files.Append("index.html").Append("gallery.json");
        foreach (var file in files)
        {
            await gallery.GetBlobClient($"{shootId}/{file}").DownloadToAsync(Path.Combine(folder, file), cancellationToken);
        }
        return manifest;
    }
}
