using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Renders exactly the 16 MP size of the aspect ratio with a Lanczos filter, plus the web copy and thumbnail.</summary>
public sealed class LanczosUpscaler : IUpscaler
{
    public const uint WebLongEdge = DeliveredImages.WebLongEdge;
    public const uint ThumbnailLongEdge = DeliveredImages.ThumbnailLongEdge;

    public LanczosUpscaler() => MagickResourceGuard.EnsureApplied();

    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, bool webP, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(aspect);
        using var image = new MagickImage(jpeg, MagickFormat.Jpeg);
        image.FilterType = FilterType.Lanczos;
        // "!": the candidate can be a pixel off the exact ratio; the delivered size is a contract, so stretch by that pixel.
        image.Resize(new MagickGeometry((uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight) { IgnoreAspectRatio = true });
        cancellationToken.ThrowIfCancellationRequested();
        return DeliveredImages.Encode(image, webP);
    }
}
