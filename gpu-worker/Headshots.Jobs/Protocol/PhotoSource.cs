namespace Headshots.Jobs.Protocol;

/// <summary>Where a reframed headshot's pixels came from: the real resolution behind it, for the gallery's size line.</summary>
/// <param name="Pixels">The photo's pixels inside the headshot's frame, at the photo's full resolution.</param>
/// <param name="FrameWidth">The frame's width in the photo's pixels (the scale the headshot shows the photo at).</param>
public sealed record PhotoSource(long Pixels, double FrameWidth);
