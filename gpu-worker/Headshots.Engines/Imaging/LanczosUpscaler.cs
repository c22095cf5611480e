using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Renders exactly the 16 MP size of the aspect ratio with a Lanczos filter, plus the web copy and thumbnail.
/// The Linux build of Magick.NET has no OpenMP, so the one parallel step is ours: the full-size file is encoded
/// while the smaller copies are made from it.
/// </summary>
public sealed class LanczosUpscaler : IUpscaler
{
    public const uint WebLongEdge = 1600;
    public const uint ThumbnailLongEdge = 480;

    public LanczosUpscaler() => MagickResourceGuard.EnsureApplied();

    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(aspect);
        using var image = new MagickImage(jpeg, MagickFormat.Jpeg);
        image.FilterType = FilterType.Lanczos;
        // "!": the candidate can be a pixel off the exact ratio; the delivered size is a contract, so stretch by that pixel.
        image.Resize(new MagickGeometry((uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight) { IgnoreAspectRatio = true });
        cancellationToken.ThrowIfCancellationRequested();

        using var small = (MagickImage)image.Clone();
        byte[] full = [], web = [], thumbnail = [];
        Parallel.Invoke(
            () => full = JpegEncoder.Encode(image, 90, subsampleChroma: true),
            () =>
            {
                JpegEncoder.FitWithin(small, WebLongEdge);
                web = JpegEncoder.Encode(small, 85, subsampleChroma: true);
                JpegEncoder.FitWithin(small, ThumbnailLongEdge);
                thumbnail = JpegEncoder.Encode(small, 80, subsampleChroma: true);
            });
        return new DeliveredImage(full, (int)image.Width, (int)image.Height, web, thumbnail);
    }
}
