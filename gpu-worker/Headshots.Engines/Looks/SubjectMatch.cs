using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Looks;

/// <summary>
/// Puts the person in the look's light: the face brought part of the way to the look's key brightness, and a
/// little of the backdrop's colour spilled onto them, as a real room would. Kept gentle: identity comes first.
/// </summary>
public static class SubjectMatch
{
    /// <summary>Target mean luma of the face before the grade, per look (8-bit).</summary>
    static float KeyFor(LookPreset look) => look.Id switch
    {
        "dark-studio" => 140f,
        "bright-office" => 168f,
        "outdoor-natural" => 158f,
        "bw-editorial" => 148f,
        _ => 152f,
    };

    public static SubjectGrade For(LookPreset look, RgbImage image, FaceLandmarks face, RgbImage backdrop)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(backdrop);
        var b = face.Bounds;
        // The middle of the face: cheeks, nose and forehead, not hair or background.
        var faceLuma = MeanLuma(image, (int)(b.Left + (0.25f * b.Width)), (int)(b.Top + (0.2f * b.Height)), (int)(b.Right - (0.25f * b.Width)), (int)(b.Bottom - (0.25f * b.Height)));
        var gain = faceLuma > 1 ? Math.Clamp(MathF.Pow(KeyFor(look) / faceLuma, 0.6f), 0.85f, 1.18f) : 1f;

        var (r, g, bl) = MeanColour(backdrop);
        var luma = Math.Max(1f, Luma.Of(r, g, bl));
        const float spill = 0.06f;
        return new SubjectGrade(
            gain * (1 + (spill * ((r / luma) - 1))),
            gain * (1 + (spill * ((g / luma) - 1))),
            gain * (1 + (spill * ((bl / luma) - 1))));
    }

    static float MeanLuma(RgbImage image, int left, int top, int right, int bottom)
    {
        left = Math.Clamp(left, 0, image.Width);
        right = Math.Clamp(right, 0, image.Width);
        top = Math.Clamp(top, 0, image.Height);
        bottom = Math.Clamp(bottom, 0, image.Height);
        double sum = 0;
        long n = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                var i = ((y * image.Width) + x) * 3;
                sum += Luma.Of((double)image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
                n++;
            }
        }

        return n == 0 ? 0 : (float)(sum / n);
    }

    static (float R, float G, float B) MeanColour(RgbImage image)
    {
        double r = 0, g = 0, b = 0;
        var p = image.Pixels;
        for (var i = 0; i < p.Length; i += 12)
        {
            r += p[i];
            g += p[i + 1];
            b += p[i + 2];
        }

        var n = Math.Max(1, (p.Length + 11) / 12);
        return ((float)(r / n), (float)(g / n), (float)(b / n));
    }
}
