using Headshots.Engines;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Renders one headshot at 16 MP with its web copy and thumbnail, and on request the 16 MP image and web copy as WebP.</summary>
public sealed class UpscaleJobHandler(JobBlobs blobs, IUpscaler upscaler) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Upscale;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var aspectName = JobData.Required(job, UpscaleJob.AspectParameter);
        var aspect = AspectRatio.Find(aspectName) ?? throw new InvalidJobException($"Unknown aspect ratio '{aspectName}'.");
        var webP = JobData.Flag(job, UpscaleJob.WebPParameter);
        var input = JobData.SingleInput(job);
        var stem = JobData.Stem(input);
        var image = await blobs.ReadAsync(input, cancellationToken);
        var size = new ImageMagick.MagickImageInfo(image);
        var delivered = upscaler.Upscale(image, aspect, webP, cancellationToken);
        var outputs = new UpscaleOutputs(
            await WriteAsync($"{stem}.jpg", delivered.Full, "image/jpeg"),
            await WriteAsync($"{stem}-web.jpg", delivered.Web, "image/jpeg"),
            await WriteAsync($"{stem}-thumb.jpg", delivered.Thumbnail, "image/jpeg"),
            delivered.FullWebP is { } fullWebP ? await WriteAsync($"{stem}.webp", fullWebP, "image/webp") : null,
            delivered.WebWebP is { } webWebP ? await WriteAsync($"{stem}-web.webp", webWebP, "image/webp") : null);
        return new JobOutcome(new UpscaleResult(outputs, delivered.Width, delivered.Height, delivered.Full.Length, (int)size.Width, (int)size.Height),
            delivered.Enlargement ?? (upscaler is Headshots.Engines.Upscaling.EsrganModelUpscaler ? Enlargements.Esrgan : Enlargements.Lanczos));

        Task<string> WriteAsync(string name, byte[] content, string contentType) =>
            blobs.WriteAsync($"{job.OutputPrefix}{name}", content, contentType, cancellationToken);
    }
}
