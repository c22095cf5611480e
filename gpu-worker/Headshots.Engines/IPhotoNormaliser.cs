namespace Headshots.Engines;

/// <summary>Decodes an untrusted upload safely and produces the working copy.</summary>
public interface IPhotoNormaliser
{
    /// <exception cref="PhotoRejectedException">The file is not a usable photo.</exception>
    NormalisedPhoto Normalise(byte[] upload, PhotoLimits limits, CancellationToken cancellationToken);
}
