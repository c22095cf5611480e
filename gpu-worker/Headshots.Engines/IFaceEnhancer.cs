using Headshots.Engines.Retouch;

namespace Headshots.Engines;

/// <summary>Enhance: retouches a headshot's face without changing who the person is.</summary>
public interface IFaceEnhancer
{
    Candidate Enhance(byte[] jpeg, RetouchSettings settings, CancellationToken cancellationToken);
}
