using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Activities;

/// <summary>
/// Copies the delivered images (JPEGs, and WebP files where delivered) into the gallery container, writes
/// gallery.json and index.html, and issues the gallery token. Re-running it overwrites the same names, so a replay
/// never duplicates an image.
/// </summary>
public sealed class PublishGalleryActivity(StorageClients storage, GalleryStore galleries, ShootStore shoots, IOptions<PipelineOptions> options,
    IOptions<PrivacyOptions> privacy, TimeProvider clock)
    : TaskActivity<PublishRequest, PublishedGallery>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override Task<PublishedGallery> RunAsync(TaskActivityContext context, PublishRequest request) => RunAsync(request, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<PublishedGallery> RunAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        if (request.Stage is { } stage) await RecordStageActivity.RecordAsync(shoots, stage, cancellationToken);
        var gallery = storage.Container(StorageNames.GalleryContainer);
        // File names are fixed by position, so copying in parallel (and re-running after a crash) gives the same gallery.
        var images = new GalleryImage[request.Images.Count];
        await Parallel.ForAsync(0, request.Images.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var image = request.Images[i];
            var stem = $"{image.Look}-{i + 1:00}";
            var full = await CopyAsync(image.Full, $"{stem}.jpg");
            var web = await CopyAsync(image.Web, $"{stem}-web.jpg");
            var thumb = await CopyAsync(image.Thumbnail, $"{stem}-thumb.jpg");
            var fullWebP = await GalleryFileCopy.CopyAsync(storage, request.ShootId, image.FullWebP, $"{stem}.webp");
            var webWebP = await GalleryFileCopy.CopyAsync(storage, request.ShootId, image.WebWebP, $"{stem}-web.webp");
            images[i] = new GalleryImage(image.Look, LookCatalog.Find(image.Look)?.Name ?? image.Look, image.Aspect, full, web, thumb,
                image.Width, image.Height, image.Bytes, image.Score, image.IdentityDistance, stem, image.BasePath, FileWebP: fullWebP, WebWebP: webWebP,
                Engine: image.Engine, SourceMegapixels: image.SourceMegapixels);
        });

        var manifest = new GalleryManifest(request.ShootId, request.Name, clock.GetUtcNow(), images, request.ProfilePath, request.Generation);
        await gallery.GetBlobClient($"{request.ShootId}/gallery.json").UploadAsync(
            BinaryData.FromObjectAsJson(manifest, Json), new BlobUploadOptions { HttpHeaders = new() { ContentType = "application/json" } });
        await gallery.GetBlobClient($"{request.ShootId}/index.html").UploadAsync(
            BinaryData.FromString(GalleryPageRenderer.Render(manifest, "")), new BlobUploadOptions { HttpHeaders = new() { ContentType = "text/html; charset=utf-8" } });

        // The link never outlives the files it shows: it expires when retention erases the shoot, if that comes first.
        var row = await shoots.GetAsync(request.ShootId, cancellationToken);
        var lifetime = TimeSpan.FromDays(options.Value.GalleryTokenDays);
        if (row is not null) lifetime = TimeSpan.FromTicks(Math.Min(lifetime.Ticks, (privacy.Value.ErasedOn(row.CreatedAt) - clock.GetUtcNow()).Ticks));
        var token = await galleries.CreateTokenAsync(request.ShootId, lifetime, cancellationToken);
        var url = new Uri(options.Value.PublicBaseUrl!, $"g/{token}").ToString();
        return new PublishedGallery(token, url, images.Length);

        async Task<string> CopyAsync(string sourcePath, string fileName) =>
            (await GalleryFileCopy.CopyAsync(storage, request.ShootId, sourcePath, fileName))!;
    }
}
