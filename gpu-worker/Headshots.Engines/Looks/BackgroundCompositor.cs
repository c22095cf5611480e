using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Looks;

/// <summary>
/// Puts the person (the photo through its soft mask) onto a new backdrop the way a compositor would by hand:
/// edge colours decontaminated so the old background leaves no halo, a little of the backdrop's light wrapped
/// onto the outline, a soft contact shadow behind the shoulders, and optionally the person matched to the light.
/// Where the mask is solid and no subject grade is asked for, the person's pixels come through exactly.
/// </summary>
public static class BackgroundCompositor
{
    public static RgbImage Composite(RgbImage photo, PersonMask mask, RgbImage backdrop, HeadPosition head, CompositeOptions options)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(backdrop);
        ArgumentNullException.ThrowIfNull(options);
        var w = photo.Width;
        var h = photo.Height;
        if ((mask.Width, mask.Height) != (w, h) || (backdrop.Width, backdrop.Height) != (w, h))
        {
            throw new ArgumentException("The photo, its mask and the backdrop must be the same size.");
        }

        var n = w * h;
        var alpha = new float[n];
        for (var i = 0; i < n; i++)
        {
            // A choke: the guided filter leaves a wide faint fringe where the old background merely resembles
            // the person, which decontamination would paint in the person's colours as a glow. Values above
            // 0.88 are solid, so the person's own pixels still come through exactly.
            alpha[i] = StudioGradient.SmoothStep(0.12f, 0.88f, mask.Alpha[i] / 255f);
        }

        var foreground = Decontaminated(photo, alpha, w, h);
        var back = Shadowed(backdrop, alpha, w, h, head, options.ContactShadow);
        var wrap = options.LightWrap > 0 ? Wrap(alpha, back, w, h) : null;
        var grade = options.Subject;

        var result = new byte[n * 3];
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var a = alpha[i];
                var wrapAmount = wrap is null ? 0f : options.LightWrap * a * Math.Max(0f, 1f - wrap.Value.Alpha[i] - 1e-4f);
                for (var c = 0; c < 3; c++)
                {
                    var k = (3 * i) + c;
                    var f = foreground[k];
                    if (grade is { } g)
                    {
                        f *= c == 0 ? g.R : c == 1 ? g.G : g.B;
                    }

                    if (wrapAmount > 0)
                    {
                        f += (wrap!.Value.Light.At(x, y, c) - f) * wrapAmount;
                    }

                    result[k] = (byte)Math.Clamp(MathF.Round((a * f) + ((1 - a) * back[k])), 0, 255);
                }
            }
        });
        return new RgbImage(w, h, result);
    }

    /// <summary>
    /// The person's own colour at soft edges: the photo there mixes person and old background, so the background
    /// (estimated from nearby background pixels) is taken out, I = αF + (1 − α)B solved for F. Where α is small
    /// that is unstable, so it leans on the colour of nearby solid person pixels instead.
    /// </summary>
    static float[] Decontaminated(RgbImage photo, float[] alpha, int w, int h)
    {
        var n = w * h;
        var p = photo.Pixels;
        var result = new float[n * 3];
        var edge = false;
        for (var i = 0; i < n; i++)
        {
            result[3 * i] = p[3 * i];
            result[(3 * i) + 1] = p[(3 * i) + 1];
            result[(3 * i) + 2] = p[(3 * i) + 2];
            edge |= alpha[i] is > 0.004f and < 0.98f;
        }

        if (!edge)
        {
            return result;
        }

        // Weighted colour sums straight into the quarter-size cells: the full-size planes are never needed.
        var cells = LowResField.SmallWidth(w) * LowResField.SmallHeight(h);
        var fore = new float[cells * 4];
        var back = new float[cells * 4];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var cell = 4 * LowResField.Cell(x, y, w);
                var a2 = alpha[i] * alpha[i];
                var b2 = (1 - alpha[i]) * (1 - alpha[i]);
                for (var c = 0; c < 3; c++)
                {
                    fore[cell + c] += p[(3 * i) + c] * a2;
                    back[cell + c] += p[(3 * i) + c] * b2;
                }

                fore[cell + 3] += a2;
                back[cell + 3] += b2;
            }
        }

        var radius = Math.Max(3, Math.Max(w, h) / 100);
        var foreField = LowResField.FromSums(fore, w, h, 4, radius);
        var backField = LowResField.FromSums(back, w, h, 4, radius);
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var a = alpha[i];
                if (a is <= 0.004f or >= 0.98f)
                {
                    continue;
                }

                var trust = Math.Clamp((a - 0.1f) / 0.5f, 0f, 1f);
                var foreWeight = foreField.At(x, y, 3);
                var backWeight = backField.At(x, y, 3);
                for (var c = 0; c < 3; c++)
                {
                    var smoothF = foreWeight > 1e-6f ? foreField.At(x, y, c) / foreWeight : p[(3 * i) + c];
                    var smoothB = backWeight > 1e-6f ? backField.At(x, y, c) / backWeight : p[(3 * i) + c];
                    var solved = Math.Clamp((p[(3 * i) + c] - ((1 - a) * smoothB)) / a, 0f, 255f);
                    result[(3 * i) + c] = (trust * solved) + ((1 - trust) * smoothF);
                }
            }
        });
        return result;
    }

    /// <summary>
    /// The backdrop darkened by a soft, slightly offset copy of the person's silhouette, only from the shoulders
    /// down: a subject standing a little in front of a backdrop, lit from the front.
    /// </summary>
    static float[] Shadowed(RgbImage backdrop, float[] alpha, int w, int h, HeadPosition head, float strength)
    {
        var back = new float[w * h * 3];
        for (var i = 0; i < back.Length; i++)
        {
            back[i] = backdrop.Pixels[i];
        }

        if (strength <= 0)
        {
            return back;
        }

        var dx = 0.012f * w;
        var dy = 0.02f * h;
        var shadow = LowResField.Of(alpha, w, h, 1, Math.Max(2, Math.Max(w, h) / 40));
        var shoulders = head.Y + (0.75f * head.FaceWidth);
        Parallel.For(0, h, y =>
        {
            var below = StudioGradient.SmoothStep(shoulders - (0.2f * head.FaceWidth), shoulders + (0.8f * head.FaceWidth), y);
            if (below <= 0)
            {
                return;
            }

            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                if (alpha[i] >= 1f)
                {
                    continue;
                }

                var darken = 1f - (strength * below * shadow.At(x - dx, y - dy, 0));
                back[3 * i] *= darken;
                back[(3 * i) + 1] *= darken;
                back[(3 * i) + 2] *= darken;
            }
        });
        return back;
    }

    /// <summary>The soft alpha that measures closeness to the outline (full size: it decides which pixels stay exact), and the blurred backdrop light.</summary>
    static (float[] Alpha, LowResField Light)? Wrap(float[] alpha, float[] back, int w, int h)
    {
        var soft = (float[])alpha.Clone();
        BoxBlur.InPlace(soft, w, h, 1, Math.Max(2, Math.Max(w, h) / 128), 2);
        return (soft, LowResField.Of(back, w, h, 3, Math.Max(2, Math.Max(w, h) / 48)));
    }
}
