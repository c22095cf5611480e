using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using ImageMagick;

namespace Headshots.Engines.Looks;

/// <summary>
/// A frame rendered at the output size: the part inside the photo resampled (Lanczos, then for a turned frame
/// bicubic Catmull-Rom through the turn), the rest filled by repeating the photo's edge so the segmenter sees a
/// continuous picture; the mask is then cleared there.
/// </summary>
/// <param name="Edges">The photo's left, right, top and bottom edges in the output's pixels.</param>
internal sealed record FramedPortrait(RgbImage Image, PhotoEdge[] Edges)
{
    public static FramedPortrait Render(RgbImage source, PortraitFrame frame, int width, int height) =>
        frame.Rotation == 0 ? RenderUpright(source, frame, width, height) : RenderTurned(source, frame, width, height);

    static FramedPortrait RenderUpright(RgbImage source, PortraitFrame frame, int width, int height)
    {
        var scale = width / frame.Width;
        var x0 = (int)Math.Floor(Math.Max(0, frame.Left));
        var y0 = (int)Math.Floor(Math.Max(0, frame.Top));
        var x1 = (int)Math.Ceiling(Math.Min(source.Width, frame.Right));
        var y1 = (int)Math.Ceiling(Math.Min(source.Height, frame.Bottom));
        var ox = (int)Math.Round((x0 - frame.Left) * scale);
        var oy = (int)Math.Round((y0 - frame.Top) * scale);
        var part = Resampled(source, x0, y0, x1, y1, scale, out var pw, out var ph);

        var pixels = new byte[width * height * 3];
        Parallel.For(0, height, y =>
        {
            var sy = Math.Clamp(y - oy, 0, ph - 1);
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp(x - ox, 0, pw - 1);
                Buffer.BlockCopy(part.Pixels, ((sy * pw) + sx) * 3, pixels, ((y * width) + x) * 3, 3);
            }
        });

        // The photo's rows and columns in the output, first and last inclusive.
        var left = Math.Max(ox, 0);
        var top = Math.Max(oy, 0);
        var right = Math.Min(ox + pw, width) - 1;
        var bottom = Math.Min(oy + ph, height) - 1;
        PhotoEdge[] edges =
        [
            PhotoEdge.Of(1, 0, -left, width, height),
            PhotoEdge.Of(-1, 0, right, width, height),
            PhotoEdge.Of(0, 1, -top, width, height),
            PhotoEdge.Of(0, -1, bottom, width, height),
        ];
        return new FramedPortrait(new RgbImage(width, height, pixels), edges);
    }

    /// <summary>
    /// The turned frame: the source region under it resized to the output scale as for an upright frame, then
    /// turned into the output by cubic interpolation, one pass at the output size. Outside the photo the nearest
    /// edge pixel repeats, as upright.
    /// </summary>
    static FramedPortrait RenderTurned(RgbImage source, PortraitFrame frame, int width, int height)
    {
        var scale = width / frame.Width;
        // An output pixel centre (x + ½, y + ½) in source pixels: origin + x·along + y·down.
        var origin = frame.ToSource(frame.Left + (0.5 / scale), frame.Top + (0.5 / scale));
        var right = frame.ToSource(frame.Left + (1.5 / scale), frame.Top + (0.5 / scale));
        var below = frame.ToSource(frame.Left + (0.5 / scale), frame.Top + (1.5 / scale));
        var along = (X: right.X - origin.X, Y: right.Y - origin.Y);
        var down = (X: below.X - origin.X, Y: below.Y - origin.Y);
        (double X, double Y) At(double x, double y) => (origin.X + (x * along.X) + (y * down.X), origin.Y + (x * along.Y) + (y * down.Y));

        (double X, double Y)[] corners = [At(0, 0), At(width - 1, 0), At(0, height - 1), At(width - 1, height - 1)];
        // Two output pixels of margin for the cubic's reach.
        var margin = 2 / scale;
        var x0 = (int)Math.Floor(Math.Clamp(corners.Min(c => c.X) - margin, 0, source.Width - 1));
        var y0 = (int)Math.Floor(Math.Clamp(corners.Min(c => c.Y) - margin, 0, source.Height - 1));
        var x1 = (int)Math.Ceiling(Math.Clamp(corners.Max(c => c.X) + margin, x0 + 1, source.Width));
        var y1 = (int)Math.Ceiling(Math.Clamp(corners.Max(c => c.Y) + margin, y0 + 1, source.Height));
        var part = Resampled(source, x0, y0, x1, y1, scale, out var pw, out var ph);

        // The same map into the resized part's pixels, whose centres sit at i + ½.
        var sx = pw / (double)(x1 - x0);
        var sy = ph / (double)(y1 - y0);
        var pixels = new byte[width * height * 3];
        var rows = part.Pixels;
        Parallel.For(0, height, y =>
        {
            Span<float> wx = stackalloc float[4];
            Span<float> wy = stackalloc float[4];
            Span<int> columns = stackalloc int[4];
            Span<int> lines = stackalloc int[4];
            for (var x = 0; x < width; x++)
            {
                var p = At(x, y);
                var fx = ((p.X - x0) * sx) - 0.5;
                var fy = ((p.Y - y0) * sy) - 0.5;
                var ix = (int)Math.Floor(fx);
                var iy = (int)Math.Floor(fy);
                CatmullRom((float)(fx - ix), wx);
                CatmullRom((float)(fy - iy), wy);
                for (var k = 0; k < 4; k++)
                {
                    columns[k] = Math.Clamp(ix - 1 + k, 0, pw - 1) * 3;
                    lines[k] = Math.Clamp(iy - 1 + k, 0, ph - 1) * pw * 3;
                }

                float r = 0, g = 0, b = 0;
                for (var j = 0; j < 4; j++)
                {
                    for (var i = 0; i < 4; i++)
                    {
                        var w = wx[i] * wy[j];
                        var at = lines[j] + columns[i];
                        r += w * rows[at];
                        g += w * rows[at + 1];
                        b += w * rows[at + 2];
                    }
                }

                var o = ((y * width) + x) * 3;
                pixels[o] = (byte)Math.Clamp(MathF.Round(r), 0, 255);
                pixels[o + 1] = (byte)Math.Clamp(MathF.Round(g), 0, 255);
                pixels[o + 2] = (byte)Math.Clamp(MathF.Round(b), 0, 255);
            }
        });

        // Distances to the photo's edges in output pixels, 0 at the pixel whose centre is half a pixel inside, as upright.
        PhotoEdge[] edges =
        [
            PhotoEdge.Of(along.X * scale, down.X * scale, (origin.X * scale) - 0.5, width, height),
            PhotoEdge.Of(-along.X * scale, -down.X * scale, ((source.Width - origin.X) * scale) - 0.5, width, height),
            PhotoEdge.Of(along.Y * scale, down.Y * scale, (origin.Y * scale) - 0.5, width, height),
            PhotoEdge.Of(-along.Y * scale, -down.Y * scale, ((source.Height - origin.Y) * scale) - 0.5, width, height),
        ];
        return new FramedPortrait(new RgbImage(width, height, pixels), edges);
    }

    /// <summary>The source's pixels x0–x1, y0–y1 resized by <paramref name="scale"/> with Lanczos.</summary>
    static RgbImage Resampled(RgbImage source, int x0, int y0, int x1, int y1, double scale, out int width, out int height)
    {
        width = Math.Max(1, (int)Math.Round((x1 - x0) * scale));
        height = Math.Max(1, (int)Math.Round((y1 - y0) * scale));
        using var image = source.ToMagick();
        image.Crop(new MagickGeometry(x0, y0, (uint)Math.Max(1, x1 - x0), (uint)Math.Max(1, y1 - y0)));
        image.ResetPage();
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
        return RgbImage.FromMagick(image);
    }

    /// <summary>Catmull-Rom cubic weights for the four pixels around a point <paramref name="t"/> past the second.</summary>
    static void CatmullRom(float t, Span<float> weights)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        weights[0] = 0.5f * ((2 * t2) - t3 - t);
        weights[1] = 0.5f * ((3 * t3) - (5 * t2) + 2);
        weights[2] = 0.5f * ((4 * t2) - (3 * t3) + t);
        weights[3] = 0.5f * (t3 - t2);
    }

    /// <summary>
    /// No person outside the photo, and where the frame reaches past an edge of it the person fades out over the
    /// last few percent before that edge instead of ending in a hard line (straight, or sloped for a turned frame).
    /// </summary>
    public PersonMask Confine(PersonMask mask)
    {
        var w = Image.Width;
        var h = Image.Height;
        var fade = Math.Max(2f, 0.05f * h);
        var passed = Edges.Where(e => e.Passed).ToArray();
        if (passed.Length == 0)
        {
            return mask;
        }

        var alpha = (byte[])mask.Alpha.Clone();
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var keep = 1f;
                foreach (var edge in passed)
                {
                    keep = Math.Min(keep, Ramp(edge.Distance(x, y), fade));
                }

                var i = (y * w) + x;
                alpha[i] = (byte)MathF.Round(alpha[i] * keep);
            }
        });
        return new PersonMask(w, h, alpha);
    }

    static float Ramp(float distance, float fade) => distance < 0 ? 0f : StudioGradient.SmoothStep(0f, fade, distance);
}

/// <summary>
/// One edge of the photo in a rendered frame: a pixel's distance inside it, in output pixels (0 for the last pixel
/// of the photo, negative beyond it), and whether the frame reaches past it at all.
/// </summary>
internal readonly record struct PhotoEdge(float PerX, float PerY, float Offset, bool Passed)
{
    public float Distance(int x, int y) => (PerX * x) + (PerY * y) + Offset;

    /// <summary>Passed when a corner pixel of the frame lies more than half a pixel beyond the edge.</summary>
    public static PhotoEdge Of(double perX, double perY, double offset, int width, int height)
    {
        var edge = new PhotoEdge((float)perX, (float)perY, (float)offset, false);
        var nearest = Math.Min(Math.Min(edge.Distance(0, 0), edge.Distance(width - 1, 0)), Math.Min(edge.Distance(0, height - 1), edge.Distance(width - 1, height - 1)));
        return edge with { Passed = nearest < -0.5f };
    }
}
