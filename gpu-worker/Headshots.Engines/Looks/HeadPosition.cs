namespace Headshots.Engines.Looks;

/// <summary>Where the head sits in a frame, in its pixels: backdrops put their light behind it.</summary>
public readonly record struct HeadPosition(float X, float Y, float FaceWidth)
{
    /// <summary>Where a head-and-shoulders frame puts the head when no face was found.</summary>
    public static HeadPosition Assumed(int width, int height) => new(width * 0.5f, height * 0.36f, width * 0.3f);
}
