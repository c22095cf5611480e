namespace Headshots.Jobs.Protocol;

/// <summary>The retouched headshot and its measurements.</summary>
public sealed record EnhanceResult(string Path, ImageMeasurements Measurements) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [Path];
}
