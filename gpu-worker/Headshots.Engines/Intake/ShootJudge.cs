using Headshots.Engines.Faces;

namespace Headshots.Engines.Intake;

/// <summary>
/// Compares the photos of one upload: finds the person most of them show (the consensus identity) and rejects
/// photos of anyone else, then rejects near-duplicates of an earlier photo. If no person has a clear majority
/// the shoot cannot start: it would not know whose headshots to make, so it asks.
/// </summary>
public sealed class ShootJudge(IntakeThresholds thresholds)
{
    public ShootJudgement Judge(IReadOnlyList<PhotoAssessment> assessed, int minAccepted)
    {
        var photos = assessed.ToList();
        var withFace = Enumerable.Range(0, photos.Count).Where(i => photos[i].Embedding is not null && photos[i].Code != IntakeReasons.NoFace).ToList();

        var reference = Consensus(photos, withFace);
        if (reference is null && withFace.Count > 0)
        {
            return new ShootJudgement(photos, null, minAccepted,
                "these photos do not show one person clearly more often than anyone else, so we cannot tell whose headshots to make. " +
                "Upload 10–15 photos of just yourself.");
        }

        foreach (var i in withFace)
        {
            var distance = photos[i].Embedding!.DistanceTo(reference!);
            photos[i] = photos[i] with { IdentityDistance = Math.Round(distance, 4) };
            if (distance > thresholds.SamePersonDistance)
            {
                photos[i] = photos[i].Rejecting(IntakeReasons.DifferentPerson);
            }
        }

        // The first of two near-identical photos stays; the later one (in upload order) is the duplicate.
        for (var i = 0; i < photos.Count; i++)
        {
            if (!photos[i].Accepted)
            {
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                if (photos[j].Accepted && IsDuplicate(photos[i], photos[j]))
                {
                    photos[i] = photos[i].Rejecting(IntakeReasons.Duplicate);
                    break;
                }
            }
        }

        var accepted = photos.Count(p => p.Accepted);
        var problem = accepted >= minAccepted
            ? null
            : $"only {accepted} of your {photos.Count} photos can be used, and at least {minAccepted} are needed. " +
              "See the reason and tip for each photo, then upload replacements.";
        return new ShootJudgement(photos, reference, minAccepted, problem);
    }

    /// <summary>
    /// The identity shared by the largest group of mutually close faces, if that group is a clear majority:
    /// the face with the most neighbours within the same-person distance anchors it, and the group's robust mean
    /// is the reference.
    /// </summary>
    private FaceEmbedding? Consensus(List<PhotoAssessment> photos, List<int> withFace)
    {
        if (withFace.Count == 0)
        {
            return null;
        }

        var best = withFace
            .Select(i => (Index: i, Group: withFace.Where(j => photos[i].Embedding!.DistanceTo(photos[j].Embedding!) <= thresholds.SamePersonDistance).ToList()))
            .OrderByDescending(c => c.Group.Count)
            .ThenBy(c => c.Index)
            .First();
        if (best.Group.Count <= thresholds.MajorityFraction * withFace.Count)
        {
            return null;
        }

        return IdentityReference.RobustMean(best.Group.Select(j => photos[j].Embedding!).ToList(), thresholds.SamePersonDistance);
    }

    private bool IsDuplicate(PhotoAssessment a, PhotoAssessment b) =>
        PerceptualHash.Distance(a.Hash, b.Hash) <= thresholds.DuplicateHashBits
        && (a.Embedding is null || b.Embedding is null || a.Embedding.DistanceTo(b.Embedding) <= thresholds.DuplicateIdentityDistance);
}
