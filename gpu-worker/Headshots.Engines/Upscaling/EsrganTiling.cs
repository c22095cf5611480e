namespace Headshots.Engines.Upscaling;

/// <summary>How an image is cut for the model, in input pixels.</summary>
/// <param name="TileSize">
/// The longest tile side. The model's cost per pixel barely depends on the tile size, so large tiles win: fewer
/// overlaps to compute twice. 576 cuts a 1024-pixel side into two 528-pixel tiles (6% extra work) and an 816 × 1020
/// candidate into four; the model's working memory for one such tile is about 600 MB.
/// </param>
/// <param name="Overlap">
/// How far neighbouring tiles overlap. Each tile's outer quarter of the overlap is dropped (it saw zero padding where
/// the neighbour saw real pixels) and the middle half is cross-faded with a linear ramp. ESRGAN-slim sees about 9 input
/// pixels around each output pixel, so 32 drops 8 pixels at a tile edge and the seams are invisible.
/// </param>
public sealed record EsrganTiling(int TileSize = 576, int Overlap = 32)
{
    public static EsrganTiling Default { get; } = new();

    public void Validate()
    {
        if (Overlap < 0 || Overlap % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Overlap), Overlap, "The overlap must be a non-negative multiple of 4.");
        }

        // Keeps a tile's left and right overlaps apart, so each pixel is blended from at most two tiles per axis.
        if (TileSize < Math.Max(16, 4 * Overlap))
        {
            throw new ArgumentOutOfRangeException(nameof(TileSize), TileSize, "The tile size must be at least 16 and at least four times the overlap.");
        }
    }
}
