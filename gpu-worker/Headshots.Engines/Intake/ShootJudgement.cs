using Headshots.Engines.Faces;

namespace Headshots.Engines.Intake;

/// <summary>The verdicts on a whole upload, after comparing the photos with each other.</summary>
/// <param name="Reference">The consensus identity, when one person has a clear majority.</param>
/// <param name="Problem">Why no shoot can start from these photos, in words for the person; null when one can.</param>
public sealed record ShootJudgement(IReadOnlyList<PhotoAssessment> Photos, FaceEmbedding? Reference, int MinAccepted, string? Problem)
{
    public int AcceptedCount => Photos.Count(p => p.Accepted);

    public bool CanStart => Problem is null;
}
