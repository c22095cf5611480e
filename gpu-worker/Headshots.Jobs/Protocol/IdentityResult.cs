namespace Headshots.Jobs.Protocol;

/// <summary>The identity job's profile of the person, and what comparing the photos decided.</summary>
/// <param name="ProfilePath">The profile (reference embedding, per-photo scores) as JSON.</param>
/// <param name="Ranked">The photos the shoot may use as sources, best first but spread over angles and light; empty when none can be.</param>
/// <param name="Outliers">How many photos were left out of the sources.</param>
/// <param name="Comparison">What comparing the faces decided; null without the face models.</param>
public sealed record IdentityResult(string ProfilePath, IReadOnlyList<string> Ranked, int Outliers, IdentityComparison? Comparison) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [ProfilePath];
}

/// <param name="Rejected">Photos of someone else and near-duplicates.</param>
/// <param name="Distances">Each photo's face distance to the shoot's consensus identity, by photo path (below 0.6: the same person).</param>
/// <param name="Problem">Why the shoot cannot go on (no clear majority person); null when it can.</param>
public sealed record IdentityComparison(IReadOnlyList<RejectedPhoto> Rejected, IReadOnlyDictionary<string, double> Distances, string? Problem);

/// <summary>A photo the identity stage rejected on comparing it with the others.</summary>
public sealed record RejectedPhoto(string Path, string Code, string Reason, string Tip, double? IdentityDistance);
