using Azure.Storage.Blobs.Models;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Refine;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>
/// Adds a refined image to the gallery as the image's next version. Its files are named after the refinement
/// ("corporate-grey-01-{refineId}.jpg") and copied before the manifest names them, so no original or earlier
/// version is ever overwritten and the page never lists a version whose files are missing. A replay finds its
/// version already listed and returns it.
/// </summary>
public sealed class PublishVersionActivity(StorageClients storage, GalleryManifestStore manifests, TimeProvider clock) : TaskActivity<VersionRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, VersionRequest request)
    {
        var stem = $"{request.ImageId}-{request.RefineId}";
        var (full, web, thumbnail) = ($"{stem}.jpg", $"{stem}-web.jpg", $"{stem}-thumb.jpg");
        await Task.WhenAll(CopyAsync(request.Full, full), CopyAsync(request.Web, web), CopyAsync(request.Thumbnail, thumbnail));

        var number = 0;
        await manifests.UpdateAsync(request.ShootId, manifest =>
        {
            var image = manifest.Find(request.ImageId) ?? throw new InvalidOperationException($"The gallery has no image {request.ImageId}.");
            if (image.Versions?.FirstOrDefault(v => v.RefineId == request.RefineId) is { } existing)
            {
                number = existing.Number;
                return manifest;
            }
            number = image.LatestVersion + 1;
            var version = new GalleryVersion(number, request.FromVersion, request.RefineId, request.Changes, request.Retouch,
                full, web, thumbnail, request.Width, request.Height, request.Bytes, request.IdentityDistance, clock.GetUtcNow(), request.BasePath);
            var updated = image with { Versions = [.. image.Versions ?? [], version] };
            return manifest with { Images = manifest.Images.Select(i => ReferenceEquals(i, image) ? updated : i).ToList() };
        }, CancellationToken.None);
        return number;

        async Task CopyAsync(string sourcePath, string fileName)
        {
            var content = await storage.Blob(BlobPath.Parse(sourcePath)).DownloadContentAsync();
            await storage.Container(StorageNames.GalleryContainer).GetBlobClient($"{request.ShootId}/{fileName}").UploadAsync(
                content.Value.Content, new BlobUploadOptions { HttpHeaders = new() { ContentType = "image/jpeg" } });
        }
    }
}
