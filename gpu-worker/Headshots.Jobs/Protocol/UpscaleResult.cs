namespace Headshots.Jobs.Protocol;

/// <summary>The delivered files of one headshot and the 16 MP image's size.</summary>
/// <param name="Bytes">The 16 MP JPEG's size.</param>
/// <param name="InputWidth">The size of the image it enlarged (with <paramref name="InputHeight"/>): with the candidate's <see cref="PhotoSource"/>, the real resolution behind it.</param>
public sealed record UpscaleResult(UpscaleOutputs Files, int Width, int Height, long Bytes, int? InputWidth = null, int? InputHeight = null) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => Files.ToList();
}
