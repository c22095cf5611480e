using Headshots.Jobs.Looks;

namespace Headshots.Engines;

/// <summary>The delivered files of one headshot.</summary>
/// <param name="Full">Exactly <see cref="AspectRatio.DeliveredWidth"/> × <see cref="AspectRatio.DeliveredHeight"/>, JPEG quality 92 with the sRGB profile embedded, no other metadata.</param>
/// <param name="Web">Web copy, 1080 px long edge.</param>
/// <param name="Thumbnail">Thumbnail, 480 px long edge.</param>
/// <param name="FullWebP">The same pixels as <paramref name="Full"/> as lossy WebP (quality 90, the sRGB profile embedded, no other metadata); null unless asked for.</param>
/// <param name="WebWebP">The web copy as WebP; null unless asked for.</param>
/// <param name="Enlargement">How it was brought to the delivered size (<see cref="Enlargements"/>); null from an upscaler that does not say.</param>
public sealed record DeliveredImage(byte[] Full, int Width, int Height, byte[] Web, byte[] Thumbnail, byte[]? FullWebP = null, byte[]? WebWebP = null,
    string? Enlargement = null);

/// <summary>How a headshot was brought to the delivered size, as the upscale job reports it.</summary>
public static class Enlargements
{
    /// <summary>Rendered at the delivered size (or larger, then reduced): nothing invented.</summary>
    public const string None = "none";

    public const string Lanczos = "lanczos";

    public const string Esrgan = "esrgan-slim-x4";
}

/// <summary>Upscale: renders a headshot at 16 MP for its aspect ratio.</summary>
public interface IUpscaler
{
    /// <param name="webP">Also deliver the 16 MP image and its web copy as WebP (<see cref="DeliveredImage.FullWebP"/>, <see cref="DeliveredImage.WebWebP"/>).</param>
    DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, bool webP, CancellationToken cancellationToken);
}
