namespace Headshots.Jobs.Protocol;

/// <summary>A refinement's new unretouched base and its retouched master, measured and compared with the person.</summary>
/// <param name="Face">The master's face; null without the face models.</param>
public sealed record RefineResult(string BasePath, string MasterPath, ImageMeasurements Measurements, HeadshotFace? Face) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [BasePath, MasterPath];
}
