using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>The light of one derived selfie: brightness, saturation and white balance a little different from the next.</summary>
internal static class SelfieLight
{
    public static void Vary(MagickImage photo, Random random)
    {
        photo.Modulate(new Percentage(88 + random.NextDouble() * 24), new Percentage(90 + random.NextDouble() * 20), new Percentage(100));
        var warmth = random.NextDouble() * 0.08 - 0.04;
        photo.Evaluate(Channels.Red, EvaluateOperator.Multiply, 1 + warmth);
        photo.Evaluate(Channels.Blue, EvaluateOperator.Multiply, 1 - warmth);
    }
}
