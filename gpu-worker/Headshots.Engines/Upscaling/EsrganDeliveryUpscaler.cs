using Headshots.Engines.Imaging;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Upscaling;

/// <summary>
/// <see cref="IUpscaler"/> with ESRGAN: the candidate JPEG four times larger through the model, Lanczos to exactly the
/// delivered size of its aspect ratio, then the same delivered files as <see cref="LanczosUpscaler"/>. One image at a
/// time: a model run already uses every core, and the engine's buffers are per instance.
/// </summary>
public sealed class EsrganDeliveryUpscaler(EsrganUpscaler esrgan) : IUpscaler
{
    private readonly EsrganUpscaler esrgan = esrgan ?? throw new ArgumentNullException(nameof(esrgan));
    private readonly Lock gate = new();

    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, bool webP, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(aspect);
        using var candidate = new MagickImage(jpeg, MagickFormat.Jpeg);
        MagickImage full;
        lock (gate)
        {
            full = esrgan.Upscale(candidate, (uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight, cancellationToken);
        }

        using (full)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return DeliveredImages.Encode(full, webP);
        }
    }
}
