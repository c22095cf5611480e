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
    /// <summary>
    /// The mask's choke as a table: the guided filter leaves a wide faint fringe where the old background merely
    /// resembles the person, which decontamination would paint in the person's colours as a glow. Values above 0.88
    /// are solid, so the person's own pixels still come through exactly.
    /// </summary>
    static readonly float[] Choke = [.. Enumerable.Range(0, 256).Select(v => StudioGradient.SmoothStep(0.12f, 0.88f, v / 255f))];

    /// <remarks>
    /// Streams: the person's decontaminated colour and the shadowed backdrop are worked out per pixel where they are
    /// used, from quarter-size fields, so a 16 MP composite holds no full-size float planes but the light wrap's
    /// soft outline (one float per pixel).
    /// </remarks>
    /// <param name="intoBackdrop">
    /// Write the composite over <paramref name="backdrop"/>'s pixels and return that image, for a caller that made the
    /// backdrop for this composite alone: each pixel's backdrop is read before its result is written, and nothing
    /// else reads it, so the result is the same without a second full-size image.
    /// </param>
    public static RgbImage Composite(RgbImage photo, PersonMask mask, RgbImage backdrop, HeadPosition head, CompositeOptions options, bool intoBackdrop = false)
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

        var person = Decontamination.Of(photo, mask.Alpha, w, h);
        var back = new ShadowedBackdrop(backdrop, mask.Alpha, w, h, head, options.ContactShadow);
        var wrap = options.LightWrap > 0 ? Wrap(mask.Alpha, back, w, h) : null;
        var grade = options.Subject;
        var alphas = mask.Alpha;
        var p = photo.Pixels;

        var result = intoBackdrop ? backdrop.Pixels : new byte[w * h * 3];
        Parallel.For(0, h, y =>
        {
            Span<float> behind = stackalloc float[3];
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var a = Choke[alphas[i]];
                if (a == 0f)
                {
                    // Backdrop alone (0·F + 1·B, to the bit): the person's colour is not worked out.
                    back.At(x, y, i, a, behind);
                    for (var c = 0; c < 3; c++)
                    {
                        result[(3 * i) + c] = (byte)Math.Clamp(MathF.Round(behind[c]), 0, 255);
                    }

                    continue;
                }

                // Solid person (1·F + 0·B): the backdrop and its shadow are not looked up.
                if (a == 1f)
                {
                    behind.Clear();
                }
                else
                {
                    back.At(x, y, i, a, behind);
                }

                var wrapAmount = wrap is null ? 0f : options.LightWrap * a * Math.Max(0f, 1f - wrap.Value.Alpha[i] - 1e-4f);
                // The quarter-size fields all have the frame's cells: one position serves every lookup of this pixel.
                var cells = wrapAmount > 0 || (person is not null && Decontamination.Solves(a)) ? (person?.Fields ?? wrap!.Value.Light).Locate(x, y) : default;
                for (var c = 0; c < 3; c++)
                {
                    var k = (3 * i) + c;
                    var f = person?.At(cells, k, a, c) ?? p[k];
                    if (grade is { } g)
                    {
                        f *= c == 0 ? g.R : c == 1 ? g.G : g.B;
                    }

                    if (wrapAmount > 0)
                    {
                        f += (wrap!.Value.Light.At(cells, c) - f) * wrapAmount;
                    }

                    result[k] = (byte)Math.Clamp(MathF.Round((a * f) + ((1 - a) * behind[c])), 0, 255);
                }
            }
        });
        return intoBackdrop ? backdrop : new RgbImage(w, h, result);
    }

    /// <summary>
    /// The person's own colour at soft edges: the photo there mixes person and old background, so the background
    /// (estimated from nearby background pixels) is taken out, I = αF + (1 − α)B solved for F. Where α is small
    /// that is unstable, so it leans on the colour of nearby solid person pixels instead.
    /// </summary>
    sealed class Decontamination(byte[] photo, LowResField fore, LowResField back)
    {
        /// <summary>Null when the mask has no soft edge: the person's pixels are then the photo's.</summary>
        public static Decontamination? Of(RgbImage photo, byte[] alphas, int w, int h)
        {
            var p = photo.Pixels;
            if (!HasSoftEdge(alphas))
            {
                return null;
            }

            // Weighted colour sums straight into the quarter-size cells: the full-size planes are never needed.
            float[] Sums(bool person) => LowResField.SumRows(w, h, 4, (y, sums) =>
            {
                for (var x = 0; x < w; x++)
                {
                    var i = (y * w) + x;
                    var cell = 4 * LowResField.Cell(x, y, w);
                    var a = person ? Choke[alphas[i]] : 1 - Choke[alphas[i]];
                    var a2 = a * a;
                    for (var c = 0; c < 3; c++)
                    {
                        sums[cell + c] += p[(3 * i) + c] * a2;
                    }

                    sums[cell + 3] += a2;
                }
            });
            var radius = Math.Max(3, Math.Max(w, h) / 100);
            return new Decontamination(p, LowResField.FromSums(Sums(true), w, h, 4, radius), LowResField.FromSums(Sums(false), w, h, 4, radius));
        }

        static bool HasSoftEdge(byte[] alphas)
        {
            foreach (var v in alphas)
            {
                if (Choke[v] is > 0.004f and < 0.98f) return true;
            }

            return false;
        }

        /// <summary>Whether a pixel of this alpha is solved for the person's colour (otherwise it is the photo's own).</summary>
        public static bool Solves(float a) => a is > 0.004f and < 0.98f;

        /// <summary>A field of the frame's cells, to locate pixels in for <see cref="At"/>.</summary>
        public LowResField Fields => fore;

        /// <summary>Channel <paramref name="c"/> of the person's colour at a located pixel, value index <paramref name="k"/>, chosen alpha <paramref name="a"/>.</summary>
        public float At(in LowResField.Position cells, int k, float a, int c)
        {
            if (!Solves(a))
            {
                return photo[k];
            }

            var trust = Math.Clamp((a - 0.1f) / 0.5f, 0f, 1f);
            var foreWeight = fore.At(cells, 3);
            var backWeight = back.At(cells, 3);
            var smoothF = foreWeight > 1e-6f ? fore.At(cells, c) / foreWeight : photo[k];
            var smoothB = backWeight > 1e-6f ? back.At(cells, c) / backWeight : photo[k];
            var solved = Math.Clamp((photo[k] - ((1 - a) * smoothB)) / a, 0f, 255f);
            return (trust * solved) + ((1 - trust) * smoothF);
        }
    }

    /// <summary>
    /// The backdrop darkened by a soft, slightly offset copy of the person's silhouette, only from the shoulders
    /// down: a subject standing a little in front of a backdrop, lit from the front.
    /// </summary>
    sealed class ShadowedBackdrop
    {
        readonly byte[] backdrop;
        readonly LowResField? shadow;
        /// <summary>How far below the shoulders each row is (the shadow's vertical ramp), once per row rather than per pixel.</summary>
        readonly float[] belowByRow = [];
        readonly float strength, dx, dy, from, to;

        public ShadowedBackdrop(RgbImage backdrop, byte[] alphas, int w, int h, HeadPosition head, float strength)
        {
            this.backdrop = backdrop.Pixels;
            this.strength = strength;
            (dx, dy) = (0.012f * w, 0.02f * h);
            var shoulders = head.Y + (0.75f * head.FaceWidth);
            (from, to) = (shoulders - (0.2f * head.FaceWidth), shoulders + (0.8f * head.FaceWidth));
            if (strength > 0)
            {
                var sums = LowResField.SumRows(w, h, 1, (y, cells) =>
                {
                    for (var x = 0; x < w; x++)
                    {
                        cells[LowResField.Cell(x, y, w)] += Choke[alphas[(y * w) + x]];
                    }
                });
                shadow = LowResField.FromSums(sums, w, h, 1, Math.Max(2, Math.Max(w, h) / 40));
                belowByRow = [.. Enumerable.Range(0, h).Select(y => StudioGradient.SmoothStep(from, to, y))];
            }
        }

        /// <summary>The backdrop's colour at pixel (x, y), index <paramref name="i"/>, under a person of chosen alpha <paramref name="a"/>.</summary>
        public void At(int x, int y, int i, float a, Span<float> rgb)
        {
            var darken = 1f;
            if (shadow is not null && a < 1f && belowByRow[y] is > 0f and var below)
            {
                darken = 1f - (strength * below * shadow.At(x - dx, y - dy, 0));
            }

            for (var c = 0; c < 3; c++)
            {
                rgb[c] = darken == 1f ? backdrop[(3 * i) + c] : backdrop[(3 * i) + c] * darken;
            }
        }
    }

    /// <summary>The soft alpha that measures closeness to the outline (full size: it decides which pixels stay exact), and the blurred backdrop light.</summary>
    static (float[] Alpha, LowResField Light)? Wrap(byte[] alphas, ShadowedBackdrop back, int w, int h)
    {
        var soft = new float[w * h];
        for (var i = 0; i < soft.Length; i++)
        {
            soft[i] = Choke[alphas[i]];
        }

        BoxBlur.InPlace(soft, w, h, 1, Math.Max(2, Math.Max(w, h) / 128), 2);
        var sums = LowResField.SumRows(w, h, 3, (y, cells) =>
        {
            Span<float> rgb = stackalloc float[3];
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                back.At(x, y, i, Choke[alphas[i]], rgb);
                var cell = 3 * LowResField.Cell(x, y, w);
                cells[cell] += rgb[0];
                cells[cell + 1] += rgb[1];
                cells[cell + 2] += rgb[2];
            }
        });
        return (soft, LowResField.FromSums(sums, w, h, 3, Math.Max(2, Math.Max(w, h) / 48)));
    }
}
