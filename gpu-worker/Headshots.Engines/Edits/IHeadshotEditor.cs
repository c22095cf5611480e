using Headshots.Jobs.Edits;

namespace Headshots.Engines.Edits;

/// <summary>
/// Refine: the local edits of a finished headshot that need no generative model — the clothes' colour and what
/// is behind the person. The face is left to <see cref="IFaceEnhancer"/>.
/// </summary>
public interface IHeadshotEditor
{
    /// <param name="clothes">Recolour the clothing to this colour; null leaves it.</param>
    /// <param name="background">Replace the background; null leaves it.</param>
    Candidate Edit(byte[] jpeg, EditColour? clothes, BackgroundChoice? background, CancellationToken cancellationToken);
}
