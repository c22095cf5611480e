using Headshots.Jobs.Looks;

namespace Headshots.Engines;

/// <summary>The delivered files of one headshot.</summary>
/// <param name="Full">Exactly <see cref="AspectRatio.DeliveredWidth"/> × <see cref="AspectRatio.DeliveredHeight"/>, JPEG quality 92 with the sRGB profile embedded, no other metadata.</param>
/// <param name="Web">Web copy, 1080 px long edge.</param>
/// <param name="Thumbnail">Thumbnail, 480 px long edge.</param>
public sealed record DeliveredImage(byte[] Full, int Width, int Height, byte[] Web, byte[] Thumbnail);

/// <summary>Upscale: renders a headshot at 16 MP for its aspect ratio.</summary>
public interface IUpscaler
{
    DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, CancellationToken cancellationToken);
}
