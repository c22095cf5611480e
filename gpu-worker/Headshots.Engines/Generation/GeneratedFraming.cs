using Headshots.Engines.Imaging;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Generation;

/// <summary>
/// A generated image made a candidate of its look: cut to the look's exact aspect ratio (the models return 2:3 or
/// square), keeping the top of the frame where the head is, at the pixels the model returned (no enlargement here:
/// upscale renders 16 MP from it like any candidate).
/// </summary>
public static class GeneratedFraming
{
    /// <summary>Of the rows a taller image loses, this share comes off the top: headroom is kept, the chest is cut.</summary>
    const double TopShare = 0.3;

    public static Candidate Frame(byte[] generated, LookPreset look)
    {
        using var image = new MagickImage(generated);
        image.AutoOrient();
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
        }
        image.ColorSpace = ColorSpace.sRGB;

        var (width, height) = Fit((int)image.Width, (int)image.Height, look.Aspect);
        var left = ((int)image.Width - width) / 2;
        var top = (int)Math.Round(((int)image.Height - height) * TopShare);
        image.Crop(new MagickGeometry(left, top, (uint)width, (uint)height));
        image.ResetPage();
        var measurements = MagickQualityMeter.Measure(image);
        return new Candidate(JpegEncoder.EncodeWorkFile(image, 95), width, height, measurements);
    }

    /// <summary>The largest size of exactly the aspect ratio inside width × height.</summary>
    public static (int Width, int Height) Fit(int width, int height, AspectRatio aspect)
    {
        var unit = Math.Min(width / aspect.Width, height / aspect.Height);
        return (unit * aspect.Width, unit * aspect.Height);
    }
}
