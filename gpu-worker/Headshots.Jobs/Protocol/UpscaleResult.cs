namespace Headshots.Jobs.Protocol;

/// <summary>The delivered files of one headshot and the 16 MP image's size.</summary>
/// <param name="Bytes">The 16 MP JPEG's size.</param>
public sealed record UpscaleResult(UpscaleOutputs Files, int Width, int Height, long Bytes) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => Files.ToList();
}
