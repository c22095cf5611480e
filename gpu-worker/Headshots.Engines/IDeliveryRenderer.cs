using Headshots.Jobs.Looks;

namespace Headshots.Engines;

/// <summary>
/// Renders a selected headshot again for delivery, from the full-resolution photo, at the resolution its frame
/// really has there (up to the delivered size) rather than at the candidate's 1024 px.
/// </summary>
public interface IDeliveryRenderer
{
    /// <param name="photo">The photo the candidate was composed from, at its own resolution (<see cref="IPhotoNormaliser.DecodeForDelivery"/>).</param>
    /// <param name="variant">The candidate's variant: the same frame as the candidate.</param>
    /// <param name="lanczosUpTo">The largest enlargement left to a plain resize (<see cref="Looks.RenderOptions.LanczosUpTo"/>).</param>
    DeliveryRender RenderForDelivery(Imaging.RgbImage photo, LookPreset look, int variant, double lanczosUpTo, CancellationToken cancellationToken);
}

/// <summary>
/// A headshot rendered for delivery, as pixels: the retouch works on them as they are (no JPEG between the two), and
/// with the face mesh the render placed, so the face is not searched for again.
/// </summary>
/// <param name="Source">How much of the photo it was framed from; null for the classical crop of a photo without a face.</param>
/// <param name="Face">The main face's mesh in <paramref name="Image"/>'s pixels; null when none was found.</param>
public sealed record DeliveryRender(Imaging.RgbImage Image, CandidateSource? Source, Faces.FaceLandmarks? Face)
{
    /// <summary>The JPEG quality a render is written at, as a candidate or as the refinement base.</summary>
    const uint Quality = 92;

    /// <summary>The render as a file, at the quality <see cref="ToCandidate"/> writes, without the measurements (the refinement base).</summary>
    public byte[] ToJpeg()
    {
        using var image = Image.ToMagick();
        return Imaging.JpegEncoder.EncodeWorkFile(image, Quality);
    }

    /// <summary>The render as a file with its measurements, as a composed candidate is.</summary>
    public Candidate ToCandidate()
    {
        using var image = Image.ToMagick();
        return new Candidate(Imaging.JpegEncoder.EncodeWorkFile(image, Quality), Image.Width, Image.Height, Imaging.MagickQualityMeter.Measure(image), Source);
    }
}
