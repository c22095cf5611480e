using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Decodes one upload safely, writes its normalised working copy and, with the face models, finds the face on it
/// (boxes, mesh, embedding in a JSON beside the copy). An unusable file is a verdict, not an error.
/// </summary>
public sealed class InspectJobHandler(JobBlobs blobs, IPhotoNormaliser normaliser, PhotoLimits limits, FaceAnalyser? faces = null) : IGpuJobHandler
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

        FaceAnalysis? analysis = null;
        if (faces is not null)
        {
            analysis = faces.Analyse(photo.Jpeg);
            if (analysis.Faces.Count == 0)
            {
                return Rejected("no-face", "We could not find a face in this photo.",
                    "Use a photo where your face is clearly visible and turned towards the camera.");
            }
        }

        var output = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.jpg", photo.Jpeg, "image/jpeg", cancellationToken);
        var outputs = new List<string> { output };
        var data = JobData.Measurements(photo.Measurements, photo.Width, photo.Height);
        if (analysis is not null)
        {
            FaceData.Describe(analysis, data);
            outputs.Add(await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.faces.json", FaceData.ToJson(analysis), "application/json", cancellationToken));
        }

        data["verdict"] = "accepted";
        data["format"] = photo.SourceFormat;
        data["sourceWidth"] = photo.SourceWidth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        data["sourceHeight"] = photo.SourceHeight.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JobOutcome(outputs, data, analysis is null ? "magick" : "magick+blazeface+facemesh+dlib");
    }

    static JobOutcome Rejected(string code, string reason, string tip) => new(
        [],
        new Dictionary<string, string> { ["verdict"] = "rejected", ["code"] = code, ["reason"] = reason, ["tip"] = tip },
        "magick");
}
