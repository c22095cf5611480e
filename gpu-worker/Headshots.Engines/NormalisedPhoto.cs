namespace Headshots.Engines;

/// <summary>An uploaded photo after safe decoding: oriented, 8-bit sRGB, bounded size, metadata stripped.</summary>
public sealed record NormalisedPhoto(byte[] Jpeg, int Width, int Height, string SourceFormat, int SourceWidth, int SourceHeight, PhotoMeasurements Measurements);
