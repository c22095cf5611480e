using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>The colour and light of each look, applied to a framed headshot.</summary>
internal static class LookGrading
{
    public static void Apply(MagickImage image, LookPreset look)
    {
        switch (look.Id)
        {
            case "corporate-grey":
                image.Modulate(new Percentage(102), new Percentage(88), new Percentage(100));
                Warmth(image, -0.02);
                image.SigmoidalContrast(2.5, new Percentage(50));
                Vignette(image, 0.10);
                break;
            case "dark-studio":
                image.Modulate(new Percentage(78), new Percentage(92), new Percentage(100));
                image.SigmoidalContrast(4.5, new Percentage(45));
                Vignette(image, 0.35);
                break;
            case "bright-office":
                image.Modulate(new Percentage(116), new Percentage(104), new Percentage(100));
                Warmth(image, 0.03);
                image.SigmoidalContrast(2.0, new Percentage(55));
                Vignette(image, 0.05);
                break;
            case "outdoor-natural":
                image.Modulate(new Percentage(104), new Percentage(112), new Percentage(100));
                Warmth(image, 0.06);
                image.SigmoidalContrast(2.0, new Percentage(50));
                Vignette(image, 0.12);
                break;
            case "bw-editorial":
                image.Grayscale(PixelIntensityMethod.Rec709Luminance);
                image.ColorSpace = ColorSpace.sRGB;
                image.SigmoidalContrast(5.0, new Percentage(50));
                Vignette(image, 0.20);
                break;
            default:
                throw new ArgumentException($"No grading for look '{look.Id}'.", nameof(look));
        }
    }

    /// <summary>Positive warms (more red, less blue), negative cools.</summary>
    static void Warmth(MagickImage image, double amount)
    {
        image.Evaluate(Channels.Red, EvaluateOperator.Multiply, 1 + amount);
        image.Evaluate(Channels.Blue, EvaluateOperator.Multiply, 1 - amount);
    }

    /// <summary>Darkens the corners by up to <paramref name="strength"/>, smoothly, keeping the face untouched.</summary>
    static void Vignette(MagickImage image, double strength)
    {
        using var mask = new MagickImage(MagickColors.White, image.Width, image.Height);
        var w = (int)image.Width;
        var h = (int)image.Height;
        using var pixels = mask.GetPixels();
        var values = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            var dy = (y - h * 0.42) / (h * 0.62);
            for (var x = 0; x < w; x++)
            {
                var dx = (x - w * 0.5) / (w * 0.62);
                var d = Math.Min(1, Math.Sqrt(dx * dx + dy * dy));
                var v = (byte)Math.Round(255 * (1 - strength * d * d * d));
                var i = 3 * (y * w + x);
                values[i] = values[i + 1] = values[i + 2] = v;
            }
        }
        pixels.SetPixels(values);
        image.Composite(mask, CompositeOperator.Multiply);
    }
}
