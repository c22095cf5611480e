namespace Headshots.Pipeline.Orchestrations;

/// <summary>The real resolution behind a delivered image, for its size line in the gallery.</summary>
public static class SourceResolution
{
    /// <param name="photoPixels">The photo's pixels inside a reframed headshot's frame; null for a generated one.</param>
    /// <param name="inputWidth">The size of the image the upscale job enlarged (with <paramref name="inputHeight"/>); null from a worker that does not report it.</param>
    /// <returns>
    /// The fewer of the two in megapixels: a headshot rendered at 1024 px from a larger crop holds only 1024 px of
    /// it, and a crop smaller than the image it was rendered into holds only its own pixels. Null when unknown.
    /// </returns>
    public static double? Megapixels(double? photoPixels, double? inputWidth, double? inputHeight)
    {
        if (inputWidth is not > 0 || inputHeight is not > 0) return null;
        var rendered = inputWidth.Value * inputHeight.Value;
        return Math.Min(photoPixels is > 0 ? photoPixels.Value : rendered, rendered) / 1_000_000;
    }
}
