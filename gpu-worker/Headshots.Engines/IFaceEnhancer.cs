namespace Headshots.Engines;

/// <summary>Enhance: retouches a selected headshot without changing who the person is.</summary>
public interface IFaceEnhancer
{
    Candidate Enhance(byte[] jpeg, CancellationToken cancellationToken);
}
