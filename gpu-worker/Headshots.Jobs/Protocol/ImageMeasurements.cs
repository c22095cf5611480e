namespace Headshots.Jobs.Protocol;

/// <summary>An image's size and the exposure and sharpness measures selection and intake judge it by.</summary>
/// <param name="Sharpness">Variance of the Laplacian of the luma.</param>
/// <param name="ClippedHighlights">Fraction of pixels at full white.</param>
/// <param name="CrushedShadows">Fraction of pixels at full black.</param>
/// <param name="MeanLuma">0–255.</param>
public sealed record ImageMeasurements(int Width, int Height, double Sharpness, double ClippedHighlights, double CrushedShadows, double MeanLuma);
