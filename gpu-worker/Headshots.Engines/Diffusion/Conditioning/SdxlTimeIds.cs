namespace Headshots.Engines.Diffusion.Conditioning;

/// <summary>
/// SDXL's size-and-crop conditioning (Podell et al. 2023, §2.2), the UNet's <c>time_ids</c> input per batch element:
/// the source's original height and width, the crop's top and left, and the target height and width, in pixels.
/// The model learnt to draw uncropped, full-resolution images when told (h, w, 0, 0, h, w).
/// </summary>
internal readonly record struct SdxlTimeIds(int OriginalHeight, int OriginalWidth, int CropTop, int CropLeft, int TargetHeight, int TargetWidth)
{
    public const int Count = 6;

    /// <summary>The usual conditioning for an image of this size: uncropped, original size = target size.</summary>
    public static SdxlTimeIds Uncropped(int height, int width) => new(height, width, 0, 0, height, width);

    /// <summary>The six values in the model's order.</summary>
    public float[] ToArray() => [OriginalHeight, OriginalWidth, CropTop, CropLeft, TargetHeight, TargetWidth];

    /// <summary>
    /// The <c>time_ids</c> tensor's data for a batch: one row per element, as [batch, 6] (for guidance, the unprompted
    /// and the prompted element take the same row unless a negative size is wanted).
    /// </summary>
    public static float[] Batch(params ReadOnlySpan<SdxlTimeIds> rows)
    {
        var data = new float[rows.Length * Count];
        for (var i = 0; i < rows.Length; i++) rows[i].ToArray().CopyTo(data, i * Count);
        return data;
    }
}
