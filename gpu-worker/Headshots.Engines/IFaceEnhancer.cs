using Headshots.Engines.Retouch;

namespace Headshots.Engines;

/// <summary>Enhance: retouches a headshot's face without changing who the person is.</summary>
public interface IFaceEnhancer
{
    Candidate Enhance(byte[] jpeg, RetouchSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// The same on decoded pixels, with the face mesh where the caller already has it (null: find it).
    /// <paramref name="image"/> is handed over: it may be retouched in place, so the caller does not read it afterwards.
    /// </summary>
    Candidate Enhance(Imaging.RgbImage image, Faces.FaceLandmarks? face, RetouchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var magick = image.ToMagick();
        return Enhance(Imaging.JpegEncoder.EncodeWorkFile(magick, 95), settings, cancellationToken);
    }
}
