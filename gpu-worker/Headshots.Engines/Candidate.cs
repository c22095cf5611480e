namespace Headshots.Engines;

/// <summary>A produced headshot image with its quality measurements.</summary>
/// <param name="Source">How much of the photo it was framed from; null when it was not framed from a photo (or by an engine that does not say).</param>
public sealed record Candidate(byte[] Jpeg, int Width, int Height, PhotoMeasurements Measurements, CandidateSource? Source = null);

/// <summary>The part of the person's photo a reframed headshot shows, in the full-resolution photo's pixels.</summary>
/// <param name="Pixels">The photo's pixels inside the frame: the real resolution behind the headshot, before any enlargement.</param>
/// <param name="FrameWidth">The frame's width, parts beyond the photo's edges included: a delivered pixel is this over the delivered width of photo pixels.</param>
public sealed record CandidateSource(long Pixels, double FrameWidth);
