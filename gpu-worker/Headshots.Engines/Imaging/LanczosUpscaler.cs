using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Renders exactly the 16 MP size of the aspect ratio with a Lanczos filter (<see cref="LanczosResampler"/>), plus the web copy and thumbnail.</summary>
public sealed class LanczosUpscaler : IUpscaler
{
    public const uint WebLongEdge = DeliveredImages.WebLongEdge;
    public const uint ThumbnailLongEdge = DeliveredImages.ThumbnailLongEdge;

    public LanczosUpscaler() => MagickResourceGuard.EnsureApplied();

    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, bool webP, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(aspect);
        var decoded = RgbImage.Decode(jpeg, int.MaxValue);
        // Exactly the delivered size: the candidate can be a pixel off the exact ratio, and the size is a contract.
        var delivered = (decoded.Width, decoded.Height) == (aspect.DeliveredWidth, aspect.DeliveredHeight)
            ? decoded
            : LanczosResampler.Resize(decoded, aspect.DeliveredWidth, aspect.DeliveredHeight);
        using var image = delivered.ToMagick();
        cancellationToken.ThrowIfCancellationRequested();
        // The web copy is reduced from the pixels the enlargement was made from: the same picture, a third as many
        // pixels to filter as the 16 MP image.
        var forWeb = Math.Max(decoded.Width, decoded.Height) >= WebLongEdge ? decoded : delivered;
        return DeliveredImages.Encode(image, webP, forWeb);
    }
}
