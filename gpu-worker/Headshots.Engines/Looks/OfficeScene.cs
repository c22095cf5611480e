using Headshots.Engines.Imaging;

namespace Headshots.Engines.Looks;

/// <summary>
/// A bright, slightly warm interior far behind the subject, as a fast lens at f/2 shows it: tall window light on
/// warm walls, a few darker furniture and plant masses low down, and soft bokeh discs from the window highlights.
/// Everything is painted at a quarter size and blurred there, which is both the look and the speed.
/// </summary>
internal static class OfficeScene
{
    public static RowPainter Render(int width, int height, int seed)
    {
        var random = new Random(seed);
        var canvas = new SoftShapes(Math.Max(8, width / 4), Math.Max(8, height / 4));
        float w = canvas.Width, h = canvas.Height;
        canvas.Gradient((200, 192, 180), (166, 156, 142));

        // Windows: two or three tall bright panes with mullions, on either side, so the head is framed by light.
        var panes = 2 + random.Next(2);
        for (var p = 0; p < panes; p++)
        {
            var centre = (p % 2 == 0 ? 0.15f : 0.8f) + ((float)random.NextDouble() * 0.12f) - 0.06f + (p / 2 * 0.25f);
            var paneWidth = w * (0.16f + ((float)random.NextDouble() * 0.12f));
            var left = (centre * w) - (paneWidth / 2);
            var top = h * (0.04f + ((float)random.NextDouble() * 0.1f));
            var bottom = h * (0.55f + ((float)random.NextDouble() * 0.15f));
            canvas.Rectangle(left, top, left + paneWidth, bottom, (250, 250, 246), 0.95f, 1.5f);
            canvas.Rectangle(left + (paneWidth * 0.47f), top, left + (paneWidth * 0.53f), bottom, (172, 166, 156), 0.7f, 0.8f);
        }

        // Furniture and a plant: the darker, low-chroma masses that make it read as a room rather than a wall.
        canvas.Rectangle(0, h * 0.72f, w, h, (150, 138, 122), 0.6f, 3f);
        for (var i = 0; i < 3; i++)
        {
            var x = w * (float)random.NextDouble();
            canvas.Rectangle(x, h * (0.62f + ((float)random.NextDouble() * 0.08f)), x + (w * 0.22f), h, (124, 112, 98), 0.5f, 2f);
        }

        var plantX = random.Next(2) == 0 ? w * 0.08f : w * 0.9f;
        canvas.Ellipse(plantX, h * 0.62f, w * 0.1f, h * 0.16f, (118, 138, 104), 0.6f, 0.6f);

        BoxBlur.InPlace(canvas.Rgb, canvas.Width, canvas.Height, 3, Math.Max(1, canvas.Width / 28), 3);

        // Bokeh: out-of-focus highlights from the window light, brightest near the top.
        for (var i = 0; i < 14; i++)
        {
            var r = w * (0.025f + ((float)random.NextDouble() * 0.045f));
            canvas.Ellipse(w * (float)random.NextDouble(), h * (0.05f + ((float)random.NextDouble() * 0.6f)), r, r, (255, 246, 228), 0.10f + ((float)random.NextDouble() * 0.12f), 0.25f, additive: true);
        }

        BoxBlur.InPlace(canvas.Rgb, canvas.Width, canvas.Height, 3, 1, 1);
        return canvas.Enlarged(width, height);
    }
}
