namespace Headshots.Engines;

/// <summary>Quality measurements of an image (or of its central region).</summary>
/// <param name="Sharpness">Variance of the Laplacian of the 8-bit luma, on a fixed 512 px long edge copy.</param>
/// <param name="ClippedHighlights">Fraction of pixels with luma ≥ 250.</param>
/// <param name="CrushedShadows">Fraction of pixels with luma ≤ 5.</param>
/// <param name="MeanLuma">Mean luma, 0–255.</param>
public sealed record PhotoMeasurements(double Sharpness, double ClippedHighlights, double CrushedShadows, double MeanLuma);
