using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>Renders exactly the 16 MP size of the aspect ratio with a Lanczos filter, plus the web copy and thumbnail.</summary>
public sealed class LanczosUpscaler : IUpscaler
{
    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, CancellationToken cancellationToken)
    {
        using var image = new MagickImage(jpeg);
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight) { IgnoreAspectRatio = true });
        // Resampling softens edges; a light unsharp mask at the output scale restores the apparent sharpness.
        image.UnsharpMask(0, 1.6, 0.5, 0.02);
        cancellationToken.ThrowIfCancellationRequested();
        var full = JpegEncoder.Encode(image, 90);

        using var web = (MagickImage)image.Clone();
        JpegEncoder.FitWithin(web, 1600);
        var webBytes = JpegEncoder.Encode(web, 85);
        JpegEncoder.FitWithin(web, 480);
        var thumb = JpegEncoder.Encode(web, 80);
        return new DeliveredImage(full, (int)image.Width, (int)image.Height, webBytes, thumb);
    }
}
