namespace Headshots.Jobs.Protocol;

/// <summary>The generative editing engine's input: the headshot on the model's square and the mask of the region it may change.</summary>
/// <param name="Region">hair, expression, clothing or background.</param>
/// <param name="Coverage">The fraction of the headshot the mask lets the model change.</param>
public sealed record PrepareEditResult(string ImagePath, string MaskPath, string Region, double Coverage) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [ImagePath, MaskPath];
}
