using System.Globalization;
using Headshots.Engines;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Renders one headshot at 16 MP with its web copy and thumbnail.</summary>
public sealed class UpscaleJobHandler(JobBlobs blobs, IUpscaler upscaler) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Upscale;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var aspectName = JobData.Required(job, "aspect");
        var aspect = AspectRatio.Find(aspectName) ?? throw new InvalidJobException($"Unknown aspect ratio '{aspectName}'.");
        var input = JobData.SingleInput(job);
        var stem = JobData.Stem(input);
        var delivered = upscaler.Upscale(await blobs.ReadAsync(input, cancellationToken), aspect, cancellationToken);
        var full = await blobs.WriteAsync($"{job.OutputPrefix}{stem}.jpg", delivered.Full, "image/jpeg", cancellationToken);
        var web = await blobs.WriteAsync($"{job.OutputPrefix}{stem}-web.jpg", delivered.Web, "image/jpeg", cancellationToken);
        var thumb = await blobs.WriteAsync($"{job.OutputPrefix}{stem}-thumb.jpg", delivered.Thumbnail, "image/jpeg", cancellationToken);
        return new JobOutcome([full, web, thumb], new Dictionary<string, string>
        {
            ["width"] = delivered.Width.ToString(CultureInfo.InvariantCulture),
            ["height"] = delivered.Height.ToString(CultureInfo.InvariantCulture),
            ["bytes"] = delivered.Full.Length.ToString(CultureInfo.InvariantCulture),
        }, upscaler is Headshots.Engines.Upscaling.EsrganModelUpscaler ? "esrgan-slim-x4" : "lanczos");
    }
}
