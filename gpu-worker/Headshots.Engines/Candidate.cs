namespace Headshots.Engines;

/// <summary>A produced headshot image with its quality measurements.</summary>
public sealed record Candidate(byte[] Jpeg, int Width, int Height, PhotoMeasurements Measurements);
