namespace Headshots.Engines;

/// <summary>An uploaded photo after safe decoding: oriented, 8-bit sRGB, bounded size, metadata stripped.</summary>
/// <param name="Preview">The same picture at the face analysis size, taken before encoding so it is not decoded again.</param>
public sealed record NormalisedPhoto(byte[] Jpeg, int Width, int Height, string SourceFormat, int SourceWidth, int SourceHeight, PhotoMeasurements Measurements,
    Imaging.RgbImage? Preview = null);
