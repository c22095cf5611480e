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
    public override Task<int> RunAsync(TaskActivityContext context, VersionRequest request) => RunAsync(request, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<int> RunAsync(VersionRequest request, CancellationToken cancellationToken)
    {
        var stem = $"{request.ImageId}-{request.RefineId}";
        var (full, web, thumbnail) = ($"{stem}.jpg", $"{stem}-web.jpg", $"{stem}-thumb.jpg");
        var copied = await Task.WhenAll(CopyAsync(request.Full, full), CopyAsync(request.Web, web), CopyAsync(request.Thumbnail, thumbnail),
            CopyAsync(request.FullWebP, $"{stem}.webp"), CopyAsync(request.WebWebP, $"{stem}-web.webp"));
        var (fullWebP, webWebP) = (copied[3], copied[4]);

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
                full, web, thumbnail, request.Width, request.Height, request.Bytes, request.IdentityDistance, clock.GetUtcNow(), request.BasePath,
                fullWebP, webWebP, request.SourceMegapixels, request.Redrawn);
            var updated = image with { Versions = [.. image.Versions ?? [], version] };
            return manifest with { Images = manifest.Images.Select(i => ReferenceEquals(i, image) ? updated : i).ToList() };
        }, cancellationToken);
        return number;

        Task<string?> CopyAsync(string? sourcePath, string fileName) => GalleryFileCopy.CopyAsync(storage, request.ShootId, sourcePath, fileName);
    }
}
