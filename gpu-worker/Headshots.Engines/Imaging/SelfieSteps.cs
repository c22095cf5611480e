using System.Globalization;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>The steps every selfie derived from one portrait shares (<see cref="SampleShootDeriver"/>, <see cref="TwelveMegapixelSelfies"/>).</summary>
internal static class SelfieSteps
{
    /// <summary>The portrait upright, in sRGB, on white where it was transparent.</summary>
    public static MagickImage Portrait(byte[] portrait)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        var source = new MagickImage(portrait);
        source.AutoOrient();
        ColourConversion.ToSrgb(source);
        source.BackgroundColor = MagickColors.White;
        source.Alpha(AlphaAction.Remove);
        return source;
    }

    /// <summary>A copy of <paramref name="source"/> turned by a random tilt of up to <paramref name="maxDegrees"/> either way (the canvas grows, its corners black).</summary>
    public static MagickImage Tilted(MagickImage source, Random random, double maxDegrees, out double tilt)
    {
        var photo = (MagickImage)source.Clone();
        tilt = (random.NextDouble() * 2 - 1) * maxDegrees;
        photo.BackgroundColor = MagickColors.Black;
        photo.Rotate(tilt);
        return photo;
    }

    /// <summary>Brightness, saturation and white balance a little different from the next selfie's.</summary>
    public static void VaryLight(MagickImage photo, Random random)
    {
        photo.Modulate(new Percentage(88 + random.NextDouble() * 24), new Percentage(90 + random.NextDouble() * 20), new Percentage(100));
        var warmth = random.NextDouble() * 0.08 - 0.04;
        photo.Evaluate(Channels.Red, EvaluateOperator.Multiply, 1 + warmth);
        photo.Evaluate(Channels.Blue, EvaluateOperator.Multiply, 1 - warmth);
    }

    /// <summary>selfie-01.jpg for the first (index 0), and so on.</summary>
    public static string Name(int index) => $"selfie-{(index + 1).ToString("00", CultureInfo.InvariantCulture)}.jpg";
}
