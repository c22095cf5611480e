using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// A mild, identity-preserving retouch: edge-preserving noise reduction, a little local contrast and an unsharp
/// mask. It changes no geometry, so the person stays who they are; landmark-guided skin and detail work replaces
/// it when the face models land.
/// </summary>
public sealed class ClassicalFaceEnhancer : IFaceEnhancer
{
    public ClassicalFaceEnhancer() => MagickResourceGuard.EnsureApplied();

    public Candidate Enhance(byte[] jpeg, Retouch.RetouchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        using var image = new MagickImage(jpeg, MagickFormat.Jpeg);
        // Half-strength bilateral smoothing: evens out sensor noise and JPEG blocking, keeps edges and skin texture.
        using (var smooth = (MagickImage)image.Clone())
        {
            smooth.BilateralBlur(5, 5);
            image.Composite(smooth, CompositeOperator.Blend, "50");
        }
        cancellationToken.ThrowIfCancellationRequested();
        image.LocalContrast(24, new Percentage(8));
        image.UnsharpMask(0, 1.0, 0.6, 0.02);
        return new Candidate(JpegEncoder.EncodeWorkFile(image, 92), (int)image.Width, (int)image.Height, MagickQualityMeter.Measure(image));
    }
}
