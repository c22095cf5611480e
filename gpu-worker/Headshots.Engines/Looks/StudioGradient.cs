using Headshots.Engines.Imaging;

namespace Headshots.Engines.Looks;

/// <summary>
/// A painted studio backdrop lit by one soft light aimed behind the head: brightest there, falling off smoothly
/// towards the edges and a little more towards the floor, as a real paper or canvas backdrop photographs.
/// </summary>
internal static class StudioGradient
{
    /// <param name="colour">The backdrop's own colour (sRGB 0–255) where the light is average.</param>
    /// <param name="centreGain">Brightness behind the head, relative to <paramref name="colour"/>.</param>
    /// <param name="edgeGain">Brightness in the far corners.</param>
    public static RowPainter Render(int width, int height, HeadPosition head, (float R, float G, float B) colour, float centreGain, float edgeGain)
    {
        // The pool of light is wider than the head and a little higher than the eyes, like a background light
        // aimed from below the shoulders.
        var rx = 0.6f * width;
        var ry = 0.7f * height;
        var cy = head.Y - (0.05f * height);
        return (y, rgb) =>
        {
            var dy = (y - cy) / ry;
            var floor = 1f - (0.08f * (y / (float)height) * (y / (float)height));
            for (var x = 0; x < width; x++)
            {
                var dx = (x - head.X) / rx;
                var r = MathF.Sqrt((dx * dx) + (dy * dy));
                var t = SmoothStep(0f, 1.3f, r);
                var gain = (centreGain + ((edgeGain - centreGain) * t)) * floor;
                var i = x * 3;
                rgb[i] = colour.R * gain;
                rgb[i + 1] = colour.G * gain;
                rgb[i + 2] = colour.B * gain;
            }
        };
    }

    public static float SmoothStep(float edge0, float edge1, float x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0f, 1f);
        return t * t * (3f - (2f * t));
    }
}
