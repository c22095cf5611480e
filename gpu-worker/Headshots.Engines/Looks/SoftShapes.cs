namespace Headshots.Engines.Looks;

/// <summary>Soft-edged shapes painted into a small float canvas, the raw material of the out-of-focus backdrops.</summary>
internal sealed class SoftShapes(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public float[] Rgb { get; } = new float[width * height * 3];

    /// <summary>A vertical gradient from <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public void Gradient((float R, float G, float B) top, (float R, float G, float B) bottom)
    {
        for (var y = 0; y < Height; y++)
        {
            var t = y / (float)(Height - 1);
            for (var x = 0; x < Width; x++)
            {
                var i = ((y * Width) + x) * 3;
                Rgb[i] = top.R + ((bottom.R - top.R) * t);
                Rgb[i + 1] = top.G + ((bottom.G - top.G) * t);
                Rgb[i + 2] = top.B + ((bottom.B - top.B) * t);
            }
        }
    }

    /// <summary>An ellipse blended over the canvas, its edge softened over <paramref name="softness"/> of its radius.</summary>
    public void Ellipse(float cx, float cy, float rx, float ry, (float R, float G, float B) colour, float opacity, float softness, bool additive = false)
    {
        var left = Math.Max(0, (int)(cx - rx - 1));
        var right = Math.Min(Width - 1, (int)(cx + rx + 1));
        var top = Math.Max(0, (int)(cy - ry - 1));
        var bottom = Math.Min(Height - 1, (int)(cy + ry + 1));
        for (var y = top; y <= bottom; y++)
        {
            for (var x = left; x <= right; x++)
            {
                var dx = (x - cx) / rx;
                var dy = (y - cy) / ry;
                var d = MathF.Sqrt((dx * dx) + (dy * dy));
                var a = opacity * (1f - StudioGradient.SmoothStep(1f - softness, 1f, d));
                if (a > 0)
                {
                    Blend(x, y, colour, a, additive);
                }
            }
        }
    }

    /// <summary>An axis-aligned rectangle with soft edges <paramref name="feather"/> pixels wide.</summary>
    public void Rectangle(float left, float top, float right, float bottom, (float R, float G, float B) colour, float opacity, float feather)
    {
        var x0 = Math.Max(0, (int)(left - feather));
        var x1 = Math.Min(Width - 1, (int)(right + feather));
        var y0 = Math.Max(0, (int)(top - feather));
        var y1 = Math.Min(Height - 1, (int)(bottom + feather));
        for (var y = y0; y <= y1; y++)
        {
            var ay = Edge(y, top, bottom, feather);
            for (var x = x0; x <= x1; x++)
            {
                var a = opacity * ay * Edge(x, left, right, feather);
                if (a > 0)
                {
                    Blend(x, y, colour, a, false);
                }
            }
        }
    }

    /// <summary>Scales the canvas up to the frame size, bilinearly, a row at a time: the shapes were blurred first, so nothing is lost.</summary>
    public Imaging.RowPainter Enlarged(int width, int height) => Segmentation.GuidedUpsampler.BilinearRows(Rgb, Width, Height, 3, width, height);

    static float Edge(float v, float low, float high, float feather) =>
        Math.Min(StudioGradient.SmoothStep(low - feather, low + feather, v), 1f - StudioGradient.SmoothStep(high - feather, high + feather, v));

    void Blend(int x, int y, (float R, float G, float B) colour, float a, bool additive)
    {
        var i = ((y * Width) + x) * 3;
        if (additive)
        {
            // Bokeh is light added to the scene, not paint over it.
            Rgb[i] += colour.R * a;
            Rgb[i + 1] += colour.G * a;
            Rgb[i + 2] += colour.B * a;
            return;
        }

        Rgb[i] += (colour.R - Rgb[i]) * a;
        Rgb[i + 1] += (colour.G - Rgb[i + 1]) * a;
        Rgb[i + 2] += (colour.B - Rgb[i + 2]) * a;
    }
}
