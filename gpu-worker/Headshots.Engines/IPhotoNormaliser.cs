namespace Headshots.Engines;

/// <summary>Decodes an untrusted upload safely and produces the working copy (or, for delivery, its full-resolution pixels).</summary>
public interface IPhotoNormaliser
{
    /// <exception cref="PhotoRejectedException">The file is not a usable photo.</exception>
    NormalisedPhoto Normalise(byte[] upload, PhotoLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// The same upload with the same checks, oriented 8-bit sRGB at up to <paramref name="maxLongEdge"/>: the photo's
    /// own pixels, for rendering a selected headshot at the resolution its frame really has.
    /// </summary>
    /// <exception cref="PhotoRejectedException">The file is not a usable photo.</exception>
    Imaging.RgbImage DecodeForDelivery(byte[] upload, PhotoLimits limits, int maxLongEdge, CancellationToken cancellationToken);
}
