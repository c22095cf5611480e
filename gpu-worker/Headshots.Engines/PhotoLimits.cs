namespace Headshots.Engines;

/// <summary>What an uploaded file may be before any pixel is decoded.</summary>
public sealed record PhotoLimits
{
    public long MaxBytes { get; init; } = 40L * 1024 * 1024;
    public long MaxPixels { get; init; } = 80_000_000;
    public int MaxDimension { get; init; } = 16_000;
    public int MinShortEdge { get; init; } = 400;
    /// <summary>Long edge of the normalised working copy.</summary>
    public int NormalisedLongEdge { get; init; } = 2048;
    public TimeSpan DecodeTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
