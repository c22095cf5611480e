using Azure.Storage.Blobs.Models;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Delivery;

namespace Headshots.Pipeline.Activities;

/// <summary>Copies a delivered file from the work container into a shoot's gallery folder, stored with the content type its name says.</summary>
internal static class GalleryFileCopy
{
    /// <returns><paramref name="fileName"/>, for the manifest; null when there is no source (a WebP that was not delivered).</returns>
    public static async Task<string?> CopyAsync(StorageClients storage, string shootId, string? sourcePath, string fileName)
    {
        if (sourcePath is null) return null;
        var content = await storage.Blob(BlobPath.Parse(sourcePath)).DownloadContentAsync();
        await storage.Container(StorageNames.GalleryContainer).GetBlobClient($"{shootId}/{fileName}").UploadAsync(
            content.Value.Content, new BlobUploadOptions { HttpHeaders = new() { ContentType = GalleryFiles.ContentType(fileName) } });
        return fileName;
    }
}
