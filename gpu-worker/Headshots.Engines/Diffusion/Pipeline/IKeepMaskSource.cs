using Headshots.Engines.Imaging;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>Decides which pixels of a reference the diffusion keeps.</summary>
public interface IKeepMaskSource
{
    /// <exception cref="NoFaceToKeepException">The image has no face to keep.</exception>
    KeepMask For(RgbImage image, CancellationToken cancellationToken);
}
