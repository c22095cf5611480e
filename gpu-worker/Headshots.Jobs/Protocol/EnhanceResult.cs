namespace Headshots.Jobs.Protocol;

/// <summary>The retouched headshot and its measurements.</summary>
/// <param name="Source">When the headshot was rendered again from its photo's full resolution (Render:Path=native): what of the photo it holds.</param>
public sealed record EnhanceResult(string Path, ImageMeasurements Measurements, PhotoSource? Source = null) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [Path];
}
