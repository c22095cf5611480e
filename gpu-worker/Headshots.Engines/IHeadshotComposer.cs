using Headshots.Jobs.Looks;

namespace Headshots.Engines;

/// <summary>Generate: composes one headshot candidate of a look from one of the person's photos.</summary>
public interface IHeadshotComposer
{
    /// <param name="sourceJpeg">A normalised photo.</param>
    /// <param name="variant">0-based; different variants give different crops of the same source.</param>
    Candidate Compose(byte[] sourceJpeg, LookPreset look, int variant, CancellationToken cancellationToken);
}
