using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// A mild, identity-preserving retouch: a touch of noise reduction, local contrast and sharpening. It changes no
/// geometry, so the person stays who they are; the landmark-guided skin and detail work replaces it later.
/// </summary>
public sealed class ClassicalFaceEnhancer : IFaceEnhancer
{
    public Candidate Enhance(byte[] jpeg, CancellationToken cancellationToken)
    {
        using var image = new MagickImage(jpeg);
        image.ReduceNoise(1);
        image.SigmoidalContrast(1.5, 50);
        image.UnsharpMask(0, 1.2, 0.7, 0.02);
        cancellationToken.ThrowIfCancellationRequested();
        return new Candidate(JpegEncoder.Encode(image, 92), (int)image.Width, (int)image.Height, MagickQualityMeter.Measure(image));
    }
}
