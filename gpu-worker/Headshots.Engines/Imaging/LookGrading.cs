using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>The colour and light of each look, applied to a framed headshot.</summary>
internal static class LookGrading
{
    public static void Apply(MagickImage image, LookPreset look)
    {
        ApplyColour(image, look);
        Vignette(image, VignetteStrength(look));
    }

    /// <summary>
    /// The per-pixel part of the grade (everything but the vignette): a function of the colour alone, so it can be
    /// sampled once into a lookup table.
    /// </summary>
    public static void ApplyColour(MagickImage image, LookPreset look)
    {
        switch (look.Id)
        {
            case "corporate-grey":
                image.Modulate(new Percentage(102), new Percentage(88), new Percentage(100));
                Warmth(image, -0.02);
                image.SigmoidalContrast(2.5, new Percentage(50));
                break;
            case "dark-studio":
                image.Modulate(new Percentage(78), new Percentage(92), new Percentage(100));
                image.SigmoidalContrast(4.5, new Percentage(45));
                break;
            case "bright-office":
                image.Modulate(new Percentage(116), new Percentage(104), new Percentage(100));
                Warmth(image, 0.03);
                image.SigmoidalContrast(2.0, new Percentage(55));
                break;
            case "outdoor-natural":
                image.Modulate(new Percentage(104), new Percentage(112), new Percentage(100));
                Warmth(image, 0.06);
                image.SigmoidalContrast(2.0, new Percentage(50));
                break;
            case "bw-editorial":
                image.Grayscale(PixelIntensityMethod.Rec709Luminance);
                image.ColorSpace = ColorSpace.sRGB;
                image.SigmoidalContrast(5.0, new Percentage(50));
                break;
            default:
                throw new ArgumentException($"No grading for look '{look.Id}'.", nameof(look));
        }
    }

    /// <summary>How much each look darkens the corners.</summary>
    public static double VignetteStrength(LookPreset look) => look.Id switch
    {
        "corporate-grey" => 0.10,
        "dark-studio" => 0.35,
        "bright-office" => 0.05,
        "outdoor-natural" => 0.12,
        "bw-editorial" => 0.20,
        _ => throw new ArgumentException($"No grading for look '{look.Id}'.", nameof(look)),
    };

    /// <summary>The vignette's multiplier at a pixel, 0–1: the same falloff <see cref="Apply"/> paints.</summary>
    public static double VignetteAt(int x, int y, int width, int height, double strength)
    {
        var dy = (y - height * 0.42) / (height * 0.62);
        var dx = (x - width * 0.5) / (width * 0.62);
        var d = Math.Min(1, Math.Sqrt(dx * dx + dy * dy));
        return Math.Round(255 * (1 - strength * d * d * d)) / 255;
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
            for (var x = 0; x < w; x++)
            {
                var v = (byte)Math.Round(255 * VignetteAt(x, y, w, h, strength));
                var i = 3 * (y * w + x);
                values[i] = values[i + 1] = values[i + 2] = v;
            }
        }
        pixels.SetPixels(values);
        image.Composite(mask, CompositeOperator.Multiply);
    }
}
