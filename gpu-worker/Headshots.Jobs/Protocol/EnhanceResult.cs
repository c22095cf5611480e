namespace Headshots.Jobs.Protocol;

/// <summary>The retouched headshot and its measurements.</summary>
/// <param name="Source">When the headshot was rendered again from its photo's full resolution (Render:Path=native): what of the photo it holds.</param>
/// <param name="BasePath">
/// The same render before the retouch, when there is one: the unretouched base a refinement starts from, at the
/// render's resolution. Null when the headshot was retouched as given (legacy path, generated images) and in results
/// of workers from before it was written: the candidate itself is the base then.
/// </param>
public sealed record EnhanceResult(string Path, ImageMeasurements Measurements, PhotoSource? Source = null, string? BasePath = null) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => BasePath is null ? [Path] : [Path, BasePath];
}
