using System.Numerics;

namespace Headshots.Engines.Looks;

/// <summary>
/// A head-and-shoulders frame in the source photo's pixels, or, when <see cref="Rotation"/> is not 0, in the
/// pixels of the photo turned by that many degrees about <see cref="Pivot"/> (clockwise on screen, as y points
/// down) to level a tilted head. It may reach past the photo's edges: the backdrop fills what the photo does not
/// cover.
/// </summary>
public sealed record PortraitFrame(double Left, double Top, double Width, double Height, double Rotation = 0, Vector2 Pivot = default)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    /// <summary>The same frame in the pixels of the photo decoded <paramref name="factor"/> times larger.</summary>
    public PortraitFrame Scaled(double factor) =>
        new(Left * factor, Top * factor, Width * factor, Height * factor, Rotation, Pivot * (float)factor);

    /// <summary>
    /// About how many of a <paramref name="imageWidth"/> × <paramref name="imageHeight"/> photo's pixels the frame
    /// covers: the level frame clipped to the photo (a levelling turn of a few degrees changes this by a few percent).
    /// </summary>
    public long PhotoPixels(int imageWidth, int imageHeight)
    {
        var width = Math.Max(0, Math.Min(Right, imageWidth) - Math.Max(Left, 0));
        var height = Math.Max(0, Math.Min(Bottom, imageHeight) - Math.Max(Top, 0));
        return (long)Math.Round(width * height);
    }

    /// <summary>A source point in the turned photo's pixels, the ones <see cref="Left"/> and <see cref="Top"/> are in.</summary>
    public Vector2 Level(Vector2 point) => Rotation == 0 ? point : Turned(point, Rotation);

    /// <summary>A point of the turned photo back in the source's pixels.</summary>
    public Vector2 ToSource(Vector2 point) => Rotation == 0 ? point : Turned(point, -Rotation);

    /// <summary><see cref="ToSource(Vector2)"/> in double precision, for maps across a whole image.</summary>
    public (double X, double Y) ToSource(double x, double y) => Rotation == 0 ? (x, y) : Turned(x, y, -Rotation);

    /// <summary>A source point in the pixels of the frame rendered at <paramref name="outputWidth"/> wide.</summary>
    public Vector2 ToOutput(Vector2 point, int outputWidth)
    {
        var scale = outputWidth / Width;
        var level = Level(point);
        return new Vector2((float)((level.X - Left) * scale), (float)((level.Y - Top) * scale));
    }

    /// <summary>
    /// The lowest source row the frame's bottom edge reaches where it lies within the photo's width: at most the
    /// photo's height when the body runs on to the frame's bottom edge, beyond it when the photo ends short.
    /// </summary>
    public double BottomReach(int imageWidth)
    {
        var a = ToSource(Left, Bottom);
        var b = ToSource(Right, Bottom);
        var low = a.Y >= b.Y ? a : b;
        var high = a.Y >= b.Y ? b : a;
        // The edge is a straight line in the source too; where it runs beyond a side of the photo, that is a side cut.
        var side = Math.Clamp(low.X, 0, imageWidth);
        if (side == low.X || high.X == low.X)
        {
            return low.Y;
        }

        var t = Math.Clamp((side - low.X) / (high.X - low.X), 0, 1);
        return low.Y + (t * (high.Y - low.Y));
    }

    Vector2 Turned(Vector2 point, double degrees)
    {
        var (x, y) = Turned(point.X, point.Y, degrees);
        return new Vector2((float)x, (float)y);
    }

    (double X, double Y) Turned(double x, double y, double degrees)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        double dx = x - Pivot.X, dy = y - Pivot.Y;
        return (Pivot.X + (dx * cos) - (dy * sin), Pivot.Y + (dx * sin) + (dy * cos));
    }
}
