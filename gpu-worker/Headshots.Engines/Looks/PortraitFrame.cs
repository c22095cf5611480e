using System.Numerics;

namespace Headshots.Engines.Looks;

/// <summary>
/// A head-and-shoulders frame in the source photo's pixels. It may reach past the photo's edges: the backdrop
/// fills what the photo does not cover.
/// </summary>
public sealed record PortraitFrame(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    /// <summary>A source point in the pixels of the frame rendered at <paramref name="outputWidth"/> wide.</summary>
    public Vector2 ToOutput(Vector2 point, int outputWidth)
    {
        var scale = outputWidth / Width;
        return new Vector2((float)((point.X - Left) * scale), (float)((point.Y - Top) * scale));
    }
}
