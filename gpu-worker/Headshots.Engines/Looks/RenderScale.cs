using Headshots.Engines.Imaging;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Looks;

/// <summary>The size a headshot is rendered at for delivery, from how many of the photo's pixels its frame spans.</summary>
public static class RenderScale
{
    /// <param name="frameWidth">The frame's width in the full-resolution photo's pixels.</param>
    /// <param name="lanczosUpTo">The largest enlargement left to a plain resize (<see cref="RenderOptions.LanczosUpTo"/>).</param>
    /// <returns>
    /// The delivered size when the frame holds at least that many pixels; the frame's own size (one output pixel per
    /// photo pixel, at exactly the aspect ratio) when it falls short by at most <paramref name="lanczosUpTo"/>;
    /// otherwise the 1024 px candidate size, which ESRGAN enlarges four times.
    /// </returns>
    public static (int Width, int Height) For(AspectRatio aspect, double frameWidth, double lanczosUpTo)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        var factor = aspect.DeliveredWidth / frameWidth;
        if (factor <= 1)
        {
            return (aspect.DeliveredWidth, aspect.DeliveredHeight);
        }

        if (factor <= lanczosUpTo)
        {
            var width = (int)Math.Floor(frameWidth);
            return (width, (int)Math.Round(width * aspect.DeliveredHeight / (double)aspect.DeliveredWidth));
        }

        return ClassicalHeadshotComposer.OutputSize(aspect);
    }

    /// <summary>The enlargement from an image of <paramref name="width"/> × <paramref name="height"/> to the delivered size: the larger of the two axes'.</summary>
    public static double Enlargement(AspectRatio aspect, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        return Math.Max(aspect.DeliveredWidth / (double)width, aspect.DeliveredHeight / (double)height);
    }
}
