using Headshots.Engines;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Decodes one upload safely and writes its normalised working copy; an unusable file is a verdict, not an error.</summary>
public sealed class InspectJobHandler(JobBlobs blobs, IPhotoNormaliser normaliser, PhotoLimits limits) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Inspect;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var input = JobData.SingleInput(job);
        var size = await blobs.SizeAsync(input, cancellationToken);
        if (size > limits.MaxBytes)
        {
            // Never download a file we would reject anyway.
            return Rejected("too-large",
                $"The file is {size / (1024 * 1024)} MB; the limit is {limits.MaxBytes / (1024 * 1024)} MB.",
                "Upload the photo as it came from your phone or camera, not an uncompressed export.");
        }

        var bytes = await blobs.ReadAsync(input, cancellationToken);
        NormalisedPhoto photo;
        try
        {
            photo = normaliser.Normalise(bytes, limits, cancellationToken);
        }
        catch (PhotoRejectedException e)
        {
            return Rejected(e.Code, e.Reason, e.Tip);
        }

        var output = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.jpg", photo.Jpeg, "image/jpeg", cancellationToken);
        var data = JobData.Measurements(photo.Measurements, photo.Width, photo.Height);
        data["verdict"] = "accepted";
        data["format"] = photo.SourceFormat;
        data["sourceWidth"] = photo.SourceWidth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        data["sourceHeight"] = photo.SourceHeight.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JobOutcome([output], data, "magick");
    }

    static JobOutcome Rejected(string code, string reason, string tip) => new(
        [],
        new Dictionary<string, string> { ["verdict"] = "rejected", ["code"] = code, ["reason"] = reason, ["tip"] = tip },
        "magick");
}
