using Headshots.Engines.Imaging;

namespace Headshots.Engines.Looks;

/// <summary>
/// Trees and hedges well behind the subject in soft daylight: light foliage and glimpses of sky at the top, deeper
/// greens lower down, and warm sun bokeh through the leaves. Painted at a quarter size and blurred there.
/// </summary>
internal static class GreeneryScene
{
    static readonly (float R, float G, float B)[] Leaves =
        [(58, 88, 46), (84, 114, 58), (112, 140, 72), (140, 160, 84), (72, 100, 64), (160, 170, 100)];

    public static RowPainter Render(int width, int height, int seed)
    {
        var random = new Random(seed);
        var canvas = new SoftShapes(Math.Max(8, width / 4), Math.Max(8, height / 4));
        float w = canvas.Width, h = canvas.Height;
        canvas.Gradient((196, 210, 168), (70, 96, 56));

        for (var i = 0; i < 4; i++)
        {
            canvas.Ellipse(w * (float)random.NextDouble(), h * 0.08f * (float)random.NextDouble(), w * 0.18f, h * 0.1f, (222, 230, 224), 0.6f, 0.7f);
        }

        for (var i = 0; i < 46; i++)
        {
            var y = h * (float)random.NextDouble();
            // Lighter, yellower leaves higher up where the sun reaches them.
            var shade = Leaves[Math.Clamp((int)((1 - (y / h) + ((float)random.NextDouble() * 0.6f) - 0.3f) * Leaves.Length), 0, Leaves.Length - 1)];
            var r = w * (0.06f + ((float)random.NextDouble() * 0.12f));
            canvas.Ellipse(w * (float)random.NextDouble(), y, r, r * (0.7f + (float)random.NextDouble() * 0.6f), shade, 0.55f, 0.7f);
        }

        BoxBlur.InPlace(canvas.Rgb, canvas.Width, canvas.Height, 3, Math.Max(1, canvas.Width / 30), 3);

        for (var i = 0; i < 18; i++)
        {
            var r = w * (0.02f + ((float)random.NextDouble() * 0.04f));
            canvas.Ellipse(w * (float)random.NextDouble(), h * 0.7f * (float)random.NextDouble(), r, r, (255, 250, 220), 0.12f + ((float)random.NextDouble() * 0.16f), 0.25f, additive: true);
        }

        BoxBlur.InPlace(canvas.Rgb, canvas.Width, canvas.Height, 3, 1, 1);
        return canvas.Enlarged(width, height);
    }
}
