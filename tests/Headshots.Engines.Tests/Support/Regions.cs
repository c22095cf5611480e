using System.Drawing;
using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Tests.Support;

/// <summary>Colour statistics of a rectangle of decoded pixels, as the looks and edits tests judge them.</summary>
internal static class Regions
{
    public static (double R, double G, double B) Mean(Pixels image, Rectangle r)
    {
        double red = 0, green = 0, blue = 0;
        var n = 0;
        foreach (var i in Indices(image, r))
        {
            red += image.Rgb[3 * i];
            green += image.Rgb[(3 * i) + 1];
            blue += image.Rgb[(3 * i) + 2];
            n++;
        }

        return (red / n, green / n, blue / n);
    }

    /// <summary>Mean of (max − min channel): 0 for grey.</summary>
    public static double Saturation(Pixels image, Rectangle r) =>
        Indices(image, r).Average(i => Math.Max(image.Rgb[3 * i], Math.Max(image.Rgb[(3 * i) + 1], image.Rgb[(3 * i) + 2])) - (double)Math.Min(image.Rgb[3 * i], Math.Min(image.Rgb[(3 * i) + 1], image.Rgb[(3 * i) + 2])));

    public static double Luma(Pixels image, Rectangle r)
    {
        var (red, green, blue) = Mean(image, r);
        return (0.2126 * red) + (0.7152 * green) + (0.0722 * blue);
    }

    /// <summary>The OKLCh hue, degrees, of the region's mean chroma vector.</summary>
    public static double Hue(Pixels image, Rectangle r)
    {
        double a = 0, b = 0;
        foreach (var i in Indices(image, r))
        {
            var lab = OkLab.FromSrgb(image.Rgb[3 * i], image.Rgb[(3 * i) + 1], image.Rgb[(3 * i) + 2]);
            a += lab.A;
            b += lab.B;
        }

        return Math.Atan2(b, a) * 180 / Math.PI;
    }

    public static double Hue(byte r, byte g, byte b)
    {
        var lab = OkLab.FromSrgb(r, g, b);
        return Math.Atan2(lab.B, lab.A) * 180 / Math.PI;
    }

    public static double HueDistance(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    /// <summary>The pixels of a region whose OKLCh lightness, chroma and hue (degrees) pass a test.</summary>
    public static List<int> Where(Pixels image, Rectangle r, Func<double, double, double, bool> keep) =>
        Indices(image, r).Where(i =>
        {
            var lab = OkLab.FromSrgb(image.Rgb[3 * i], image.Rgb[(3 * i) + 1], image.Rgb[(3 * i) + 2]);
            return keep(lab.L, Math.Sqrt((lab.A * lab.A) + (lab.B * lab.B)), Math.Atan2(lab.B, lab.A) * 180 / Math.PI);
        }).ToList();

    /// <summary>Standard deviation of OKLab lightness over the given pixels: the fabric's texture and shading.</summary>
    public static double LightnessDeviation(Pixels image, IReadOnlyList<int> pixels)
    {
        var values = pixels.Select(i => (double)OkLab.FromSrgb(image.Rgb[3 * i], image.Rgb[(3 * i) + 1], image.Rgb[(3 * i) + 2]).L).ToList();
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    /// <summary>Mean absolute Laplacian of the luma: how much fine detail (focus) a region has.</summary>
    public static double Detail(Pixels image, Rectangle r)
    {
        double sum = 0;
        var n = 0;
        var w = image.Width;
        double L(int x, int y) => (0.2126 * image.Rgb[3 * ((y * w) + x)]) + (0.7152 * image.Rgb[(3 * ((y * w) + x)) + 1]) + (0.0722 * image.Rgb[(3 * ((y * w) + x)) + 2]);
        for (var y = Math.Max(1, r.Top); y < Math.Min(image.Height - 1, r.Bottom); y++)
        {
            for (var x = Math.Max(1, r.Left); x < Math.Min(w - 1, r.Right); x++)
            {
                sum += Math.Abs((4 * L(x, y)) - L(x - 1, y) - L(x + 1, y) - L(x, y - 1) - L(x, y + 1));
                n++;
            }
        }

        return sum / n;
    }

    static IEnumerable<int> Indices(Pixels image, Rectangle r)
    {
        for (var y = Math.Max(0, r.Top); y < Math.Min(image.Height, r.Bottom); y++)
        {
            for (var x = Math.Max(0, r.Left); x < Math.Min(image.Width, r.Right); x++)
            {
                yield return (y * image.Width) + x;
            }
        }
    }
}
