namespace Headshots.Pipeline.Generation;

/// <summary>One generated candidate to make: blob paths and names only, so orchestration history never carries pixels.</summary>
/// <param name="Candidate">The candidate's key ("corporate-grey-g00"), which names the call's cost rows.</param>
/// <param name="Attempt">1, or 2 for the remake of a candidate that drifted (with the stronger likeness instruction).</param>
/// <param name="ReferencePaths">The person's reference crops, best first (work container).</param>
/// <param name="OutputPath">container/name the model's image is written to.</param>
public sealed record LookGenerationInput(
    string ShootId,
    string Candidate,
    string LookId,
    int Variant,
    int Attempt,
    IReadOnlyList<string> ReferencePaths,
    string OutputPath,
    string Quality);
