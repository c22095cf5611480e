using System.Globalization;
using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Engines.Intake;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Decodes one upload safely and writes its normalised working copy; with the face models, also finds the face,
/// judges the photo on its own (one face, size, framing, pose, sharpness, exposure) and writes the faces (boxes,
/// mesh, embedding, perceptual hash) beside the copy for the identity stage. An unusable file is a verdict, not an error.
/// </summary>
public sealed class InspectJobHandler(JobBlobs blobs, IPhotoNormaliser normaliser, PhotoLimits limits, PhotoIntake? intake = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Inspect;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var input = JobData.SingleInput(job);
        var size = await blobs.SizeAsync(input, cancellationToken);
        if (size > limits.MaxBytes)
        {
            // Never download a file we would reject anyway.
            return Rejected("too_large",
                $"The file is {size / (1024 * 1024)} MB; the limit is {limits.MaxBytes / (1024 * 1024)} MB.",
                "Upload the photo as it came from your phone or camera, not an uncompressed export.");
        }

        var bytes = await blobs.ReadAsync(input, cancellationToken);
        return intake is null ? await NormaliseOnlyAsync(job, input, bytes, cancellationToken) : await JudgeAsync(job, input, bytes, intake, cancellationToken);
    }

    private async Task<JobOutcome> NormaliseOnlyAsync(GpuJobMessage job, string input, byte[] bytes, CancellationToken cancellationToken)
    {
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
        return new JobOutcome([output], Accepted(photo), "magick");
    }

    private async Task<JobOutcome> JudgeAsync(GpuJobMessage job, string input, byte[] bytes, PhotoIntake intake, CancellationToken cancellationToken)
    {
        var (photo, assessment, analysis) = intake.AssessOne(JobData.Stem(input), bytes, cancellationToken);
        if (photo is null || analysis is null)
        {
            return Rejected(assessment.Code!, assessment.Reason!, assessment.Tip!);
        }

        var data = assessment.Accepted ? Accepted(photo) : RejectedData(assessment.Code!, assessment.Reason!, assessment.Tip!);
        FaceData.Describe(analysis, data);
        Describe(assessment, data);
        if (!assessment.Accepted)
        {
            return new JobOutcome([], data, Engine);
        }

        var output = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.jpg", photo.Jpeg, "image/jpeg", cancellationToken);
        var faces = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.faces.json", FaceData.ToJson(analysis), "application/json", cancellationToken);
        return new JobOutcome([output, faces], data, Engine);
    }

    private const string Engine = "magick+blazeface+facemesh+dlib";

    /// <summary>The judge's measurements, so the person (and a support engineer) can see why.</summary>
    private static void Describe(PhotoAssessment assessment, Dictionary<string, string> data)
    {
        data["reasons"] = string.Join(',', assessment.Reasons);
        data["hash"] = assessment.Hash.ToString();
        if (assessment.FaceExposure is { } exposure)
        {
            data["faceSharpness"] = JobData.Format(exposure.Sharpness);
            data["faceLuma"] = JobData.Format(exposure.MeanLuma);
            data["faceClipped"] = JobData.Format(exposure.Clipped);
            data["faceCrushed"] = JobData.Format(exposure.Crushed);
        }
    }

    private static Dictionary<string, string> Accepted(NormalisedPhoto photo)
    {
        var data = JobData.Measurements(photo.Measurements, photo.Width, photo.Height);
        data["verdict"] = "accepted";
        data["format"] = photo.SourceFormat;
        data["sourceWidth"] = photo.SourceWidth.ToString(CultureInfo.InvariantCulture);
        data["sourceHeight"] = photo.SourceHeight.ToString(CultureInfo.InvariantCulture);
        return data;
    }

    private static Dictionary<string, string> RejectedData(string code, string reason, string tip) =>
        new() { ["verdict"] = "rejected", ["code"] = code, ["reason"] = reason, ["tip"] = tip };

    private static JobOutcome Rejected(string code, string reason, string tip) => new([], RejectedData(code, reason, tip), "magick");
}
