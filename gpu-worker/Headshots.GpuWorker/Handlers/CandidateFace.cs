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

    /// <summary>Adds identityDistance (given an "identity" profile parameter), eyeLine and faceWidth to <paramref name="data"/>.</summary>
    public static async Task MeasureAsync(JobBlobs blobs, FaceAnalyser? faces, GpuJobMessage job, byte[] jpeg, Dictionary<string, string> data,
        CancellationToken cancellationToken)
    {
        if (faces is null) return;
        var image = RgbImage.Decode(jpeg, FaceAnalyser.AnalysisEdge);
        var face = faces.Analyse(image).Main;
        if (face is not null)
        {
            var eyes = (face.Landmarks.RightEyeCentre + face.Landmarks.LeftEyeCentre) / 2;
            data["eyeLine"] = JobData.Format(eyes.Y / image.Height);
            data["faceWidth"] = JobData.Format(face.Landmarks.Bounds.Width / image.Width);
        }
        if (job.Parameters.TryGetValue("identity", out var profilePath)
            && IdentityJobHandler.ReadReference(await blobs.ReadAsync(profilePath, cancellationToken)) is { } reference)
        {
            data["identityDistance"] = JobData.Format(face?.Embedding?.DistanceTo(reference) ?? NoFaceDistance);
        }
    }
}
