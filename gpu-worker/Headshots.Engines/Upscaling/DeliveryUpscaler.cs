using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Upscaling;

/// <summary>
/// Brings a headshot to the delivered size by only as much invention as its own pixels need: none for one rendered
/// at the delivered size, a Lanczos resize for an enlargement up to <see cref="RenderOptions.LanczosUpTo"/>, ESRGAN
/// beyond it (the 1024 px candidates of photos too small for more, and every candidate of the legacy path).
/// </summary>
public sealed class DeliveryUpscaler(IUpscaler learned, double lanczosUpTo) : IUpscaler
{
    readonly IUpscaler learned = learned ?? throw new ArgumentNullException(nameof(learned));
    readonly LanczosUpscaler resize = new();

    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, bool webP, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(aspect);
        var info = new MagickImageInfo(jpeg);
        var factor = RenderScale.Enlargement(aspect, (int)info.Width, (int)info.Height);
        if (factor > lanczosUpTo)
        {
            return learned.Upscale(jpeg, aspect, webP, cancellationToken) with { Enlargement = Enlargements.Esrgan };
        }

        // A pixel's stretch to hold the delivered size exactly is a resize, not an enlargement.
        var enlargement = factor > 1.001 ? Enlargements.Lanczos : Enlargements.None;
        return resize.Upscale(jpeg, aspect, webP, cancellationToken) with { Enlargement = enlargement };
    }
}
