using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>Fills closed polygons into a byte mask (even-odd rule, pixel centres), clipped to the mask.</summary>
public static class PolygonRaster
{
    public static void Fill(byte[] mask, int width, int height, IReadOnlyList<Vector2> polygon, byte value)
    {
        if (polygon.Count < 3)
        {
            return;
        }

        var top = Math.Max(0, (int)MathF.Floor(polygon.Min(p => p.Y)));
        var bottom = Math.Min(height - 1, (int)MathF.Ceiling(polygon.Max(p => p.Y)));
        var crossings = new List<float>();
        for (var y = top; y <= bottom; y++)
        {
            var cy = y + 0.5f;
            crossings.Clear();
            for (var i = 0; i < polygon.Count; i++)
            {
                var a = polygon[i];
                var b = polygon[(i + 1) % polygon.Count];
                if ((a.Y <= cy && b.Y > cy) || (b.Y <= cy && a.Y > cy))
                {
                    crossings.Add(a.X + ((cy - a.Y) / (b.Y - a.Y) * (b.X - a.X)));
                }
            }

            crossings.Sort();
            for (var i = 0; i + 1 < crossings.Count; i += 2)
            {
                var from = Math.Max(0, (int)MathF.Ceiling(crossings[i] - 0.5f));
                var to = Math.Min(width - 1, (int)MathF.Floor(crossings[i + 1] - 0.5f));
                for (var x = from; x <= to; x++)
                {
                    mask[(y * width) + x] = value;
                }
            }
        }
    }
}
