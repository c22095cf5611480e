namespace Headshots.Engines.Upscaling;

/// <summary>How an image is cut for the model, in input pixels.</summary>
/// <param name="TileSize">
/// The longest tile side. The model's time per pixel is the same from about 384 up, but its working memory grows with
/// the tile's area (about 3.2 KB per input pixel: 450 MB at 384², 950 MB at 528²). 384 cuts a 1024-pixel side into
/// three 352-pixel tiles (6% extra work over the whole image) and keeps a 1 MP → 16 MP upscale under 1 GB.
/// </param>
/// <param name="Overlap">
/// How far neighbouring tiles overlap. Each tile's outer quarter of the overlap is dropped (it saw zero padding where
/// the neighbour saw real pixels) and the middle half is cross-faded with a linear ramp. ESRGAN-slim sees about 9 input
/// pixels around each output pixel, but the influence of the far ones is tiny: with 16, tiled output differs from
/// whole-image output by at most one level in a few pixels per thousand.
/// </param>
public sealed record EsrganTiling(int TileSize = 384, int Overlap = 16)
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
