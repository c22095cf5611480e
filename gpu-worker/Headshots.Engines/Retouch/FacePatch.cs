using System.Drawing;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Retouch;

/// <summary>
/// The face's rectangle of an image as float R, G, B planes (0–255 sRGB): every retouch step works here, so the
/// cost follows the face and nothing outside it can change.
/// </summary>
internal sealed class FacePatch
{
    FacePatch(Rectangle area, float[] r, float[] g, float[] b) => (Area, R, G, B) = (area, r, g, b);

    public Rectangle Area { get; }

    public int Width => Area.Width;

    public int Height => Area.Height;

    public float[] R { get; }

    public float[] G { get; }

    public float[] B { get; }

    public static FacePatch Cut(RgbImage image, Rectangle area)
    {
        var n = area.Width * area.Height;
        float[] r = new float[n], g = new float[n], b = new float[n];
        for (var y = 0; y < area.Height; y++)
        {
            var source = (((area.Y + y) * image.Width) + area.X) * 3;
            var row = y * area.Width;
            for (var x = 0; x < area.Width; x++, source += 3)
            {
                r[row + x] = image.Pixels[source];
                g[row + x] = image.Pixels[source + 1];
                b[row + x] = image.Pixels[source + 2];
            }
        }

        return new FacePatch(area, r, g, b);
    }

    public FacePatch Copy() => new(Area, (float[])R.Clone(), (float[])G.Clone(), (float[])B.Clone());

    /// <summary>Rec. 709 luma, the weights the quality meter uses.</summary>
    public float[] Luminance()
    {
        var y = new float[R.Length];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Luma(R[i], G[i], B[i]);
        }

        return y;
    }

    public static float Luma(float r, float g, float b) => Imaging.Luma.Of(r, g, b);

    /// <summary>Writes the patch back where <paramref name="gate"/> is set; every other byte stays the original.</summary>
    public void WriteInto(RgbImage image, float[] gate)
    {
        for (var y = 0; y < Height; y++)
        {
            var target = (((Area.Y + y) * image.Width) + Area.X) * 3;
            var row = y * Width;
            for (var x = 0; x < Width; x++, target += 3)
            {
                var i = row + x;
                if (gate[i] <= 0)
                {
                    continue;
                }

                image.Pixels[target] = ToByte(R[i]);
                image.Pixels[target + 1] = ToByte(G[i]);
                image.Pixels[target + 2] = ToByte(B[i]);
            }
        }
    }

    static byte ToByte(float value) => (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
}
