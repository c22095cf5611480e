namespace Headshots.Jobs.Protocol;

/// <summary>The head-and-shoulders reference crops, in the order of the job's inputs (best-ranked first).</summary>
/// <param name="WithoutFace">How many crops were centred on the photo because no face was found.</param>
public sealed record ReferencesResult(IReadOnlyList<string> Paths, int WithoutFace) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => Paths;
}
