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
        return new JobOutcome(new InspectResult(null, Inspected(photo, output, null), null), "magick");
    }

    private async Task<JobOutcome> JudgeAsync(GpuJobMessage job, string input, byte[] bytes, PhotoIntake intake, CancellationToken cancellationToken)
    {
        var (photo, assessment, analysis) = intake.AssessOne(JobData.Stem(input), bytes, cancellationToken);
        if (photo is null || analysis is null)
        {
            return Rejected(assessment.Code!, assessment.Reason!, assessment.Tip!);
        }

        var findings = Findings(assessment, analysis);
        if (!assessment.Accepted)
        {
            return new JobOutcome(new InspectResult(new PhotoRejection(assessment.Code!, assessment.Reason!, assessment.Tip!), null, findings), Engine);
        }

        var output = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.jpg", photo.Jpeg, "image/jpeg", cancellationToken);
        var faces = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.faces.json", FaceData.ToJson(analysis), "application/json", cancellationToken);
        return new JobOutcome(new InspectResult(null, Inspected(photo, output, faces), findings), Engine);
    }

    private const string Engine = "magick+blazeface+facemesh+dlib";

    /// <summary>The judge's measurements, so the person (and a support engineer) can see why.</summary>
    private static IntakeFindings Findings(PhotoAssessment assessment, FaceAnalysis analysis) => new(
        analysis.Faces.Count,
        FaceData.MainFaceOf(analysis),
        assessment.Reasons,
        assessment.Hash.ToString(),
        assessment.FaceExposure is { } exposure
            ? new FaceExposureValues(JobData.Round(exposure.Sharpness), JobData.Round(exposure.MeanLuma), JobData.Round(exposure.Clipped), JobData.Round(exposure.Crushed))
            : null);

    private static InspectedPhoto Inspected(NormalisedPhoto photo, string path, string? facesPath) => new(
        path, facesPath, JobData.Measurements(photo.Measurements, photo.Width, photo.Height), photo.SourceFormat, photo.SourceWidth, photo.SourceHeight);

    private static JobOutcome Rejected(string code, string reason, string tip) => new(new InspectResult(new PhotoRejection(code, reason, tip), null, null), "magick");
}
