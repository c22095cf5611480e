namespace Headshots.Jobs.Protocol;

/// <summary>The diffuse job's painted image (<see cref="DiffuseJob.OutputPath"/>) and what it took.</summary>
/// <param name="Steps">The UNet steps run, both passes together.</param>
/// <param name="Seconds">The pipeline's own wall seconds on the worker.</param>
public sealed record DiffuseResult(string Path, int Steps, double Seconds) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [Path];
}
