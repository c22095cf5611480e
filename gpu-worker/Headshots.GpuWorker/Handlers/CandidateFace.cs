using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// What select needs to know about a produced headshot's face: how far it is from the person's reference
/// identity, and how it sits in the frame.
/// </summary>
internal static class CandidateFace
{
    /// <summary>The distance reported for a headshot without a findable face: as far from the person as it gets.</summary>
    public const double NoFaceDistance = 9.99;

    /// <summary>
    /// The headshot's eye line and face width, and (given an "identity" profile parameter) its distance to the person;
    /// null without the face models.
    /// </summary>
    public static async Task<HeadshotFace?> MeasureAsync(JobBlobs blobs, FaceAnalyser? faces, GpuJobMessage job, byte[] jpeg,
        CancellationToken cancellationToken)
    {
        if (faces is null) return null;
        var image = RgbImage.Decode(jpeg, FaceAnalyser.AnalysisEdge);
        var face = faces.Analyse(image).Main;
        double? eyeLine = null, faceWidth = null, identityDistance = null;
        if (face is not null)
        {
            var eyes = (face.Landmarks.RightEyeCentre + face.Landmarks.LeftEyeCentre) / 2;
            eyeLine = JobData.Round(eyes.Y / image.Height);
            faceWidth = JobData.Round(face.Landmarks.Bounds.Width / image.Width);
        }
        if (job.Parameters.TryGetValue(JobParameterNames.IdentityProfile, out var profilePath)
            && IdentityJobHandler.ReadReference(await blobs.ReadAsync(profilePath, cancellationToken)) is { } reference)
        {
            identityDistance = JobData.Round(face?.Embedding?.DistanceTo(reference) ?? NoFaceDistance);
        }
        return new HeadshotFace(identityDistance, eyeLine, faceWidth);
    }
}
