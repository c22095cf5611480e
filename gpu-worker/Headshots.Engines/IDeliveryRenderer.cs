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
    Candidate RenderForDelivery(Imaging.RgbImage photo, LookPreset look, int variant, double lanczosUpTo, CancellationToken cancellationToken);
}
