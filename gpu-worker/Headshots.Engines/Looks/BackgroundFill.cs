using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Looks;

/// <summary>
/// The photo's own background with the person taken out and the hole filled from around it (push–pull over a
/// pyramid of background-weighted averages), then thrown out of focus: what the scene would look like at f/1.4.
/// Works at an eighth of the size; a defocused background has no detail to lose.
/// </summary>
internal static class BackgroundFill
{
    public static RowPainter Blurred(RgbImage image, PersonMask mask)
    {
        var w = Math.Max(4, image.Width / 8);
        var h = Math.Max(4, image.Height / 8);
        var smallImage = image.Resized(w, h);
        var weights = SmallWeights(mask, w, h);
        var rgb = new float[w * h * 3];
        for (var i = 0; i < w * h; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb[(3 * i) + c] = smallImage.Pixels[(3 * i) + c];
            }
        }

        var filled = PushPull(rgb, weights, w, h);
        BoxBlur.InPlace(filled, w, h, 3, Math.Max(1, Math.Max(w, h) / 40), 3);
        var canvas = new SoftShapes(w, h);
        Array.Copy(filled, canvas.Rgb, filled.Length);
        return canvas.Enlarged(image.Width, image.Height);
    }

    /// <summary>How much each small pixel is background: the person's halo is excluded too, so it cannot bleed in.</summary>
    static float[] SmallWeights(PersonMask mask, int w, int h)
    {
        var weights = new float[w * h];
        var sx = mask.Width / (float)w;
        var sy = mask.Height / (float)h;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // The most person-like value in the cell, so a cell that touches the person counts as person.
                var most = 0;
                for (var yy = (int)(y * sy); yy < Math.Min(mask.Height, (int)((y + 1) * sy)); yy++)
                {
                    for (var xx = (int)(x * sx); xx < Math.Min(mask.Width, (int)((x + 1) * sx)); xx++)
                    {
                        most = Math.Max(most, mask.Alpha[(yy * mask.Width) + xx]);
                    }
                }

                weights[(y * w) + x] = most < 16 ? 1f : 0f;
            }
        }

        return weights;
    }

    /// <summary>Fills zero-weight pixels from the nearest weighted ones, coarse to fine.</summary>
    static float[] PushPull(float[] rgb, float[] weight, int w, int h)
    {
        if (w <= 1 || h <= 1 || weight.All(v => v > 0))
        {
            return Fallback(rgb, weight, w * h);
        }

        var cw = (w + 1) / 2;
        var ch = (h + 1) / 2;
        var coarse = new float[cw * ch * 3];
        var coarseWeight = new float[cw * ch];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var j = ((y / 2) * cw) + (x / 2);
                coarseWeight[j] += weight[i];
                for (var c = 0; c < 3; c++)
                {
                    coarse[(3 * j) + c] += rgb[(3 * i) + c] * weight[i];
                }
            }
        }

        for (var j = 0; j < cw * ch; j++)
        {
            if (coarseWeight[j] > 0)
            {
                for (var c = 0; c < 3; c++)
                {
                    coarse[(3 * j) + c] /= coarseWeight[j];
                }

                coarseWeight[j] = Math.Min(1f, coarseWeight[j]);
            }
        }

        var filled = cw == w && ch == h ? Fallback(coarse, coarseWeight, cw * ch) : PushPull(coarse, coarseWeight, cw, ch);
        var result = new float[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var j = ((y / 2) * cw) + (x / 2);
                var a = weight[i];
                for (var c = 0; c < 3; c++)
                {
                    result[(3 * i) + c] = (rgb[(3 * i) + c] * a) + (filled[(3 * j) + c] * (1 - a));
                }
            }
        }

        return result;
    }

    /// <summary>At the top of the pyramid: a pixel with no background anywhere takes the mean of those that have.</summary>
    static float[] Fallback(float[] rgb, float[] weight, int count)
    {
        double r = 0, g = 0, b = 0, total = 0;
        for (var i = 0; i < count; i++)
        {
            r += rgb[3 * i] * weight[i];
            g += rgb[(3 * i) + 1] * weight[i];
            b += rgb[(3 * i) + 2] * weight[i];
            total += weight[i];
        }

        // A photo that is all person: a neutral mid grey rather than a division by zero.
        var mean = total > 0 ? ((float)(r / total), (float)(g / total), (float)(b / total)) : (128f, 128f, 128f);
        var result = (float[])rgb.Clone();
        for (var i = 0; i < count; i++)
        {
            if (weight[i] <= 0)
            {
                result[3 * i] = mean.Item1;
                result[(3 * i) + 1] = mean.Item2;
                result[(3 * i) + 2] = mean.Item3;
            }
        }

        return result;
    }
}
