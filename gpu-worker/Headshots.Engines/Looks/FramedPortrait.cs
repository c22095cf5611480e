using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

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
        Part part;
        int ox, oy;
        if (OnePixelPerPixel(frame, width))
        {
            // Rendered at the frame's own size, the photo's pixels are the output's: a crop, never a resample (a
            // Lanczos pass at 0.9997× would only soften them). The frame keeps its centre to the pixel.
            var left = (int)Math.Round(frame.Left + ((frame.Width - width) / 2));
            var top = (int)Math.Round(frame.Top + ((frame.Height - height) / 2));
            var (x0, y0) = (Math.Clamp(left, 0, source.Width - 1), Math.Clamp(top, 0, source.Height - 1));
            var (x1, y1) = (Math.Clamp(left + width, x0 + 1, source.Width), Math.Clamp(top + height, y0 + 1, source.Height));
            part = new Part(source.Pixels, source.Width, x0, y0, x1 - x0, y1 - y0);
            (ox, oy) = (x0 - left, y0 - top);
        }
        else
        {
            var x0 = (int)Math.Floor(Math.Max(0, frame.Left));
            var y0 = (int)Math.Floor(Math.Max(0, frame.Top));
            var x1 = (int)Math.Ceiling(Math.Min(source.Width, frame.Right));
            var y1 = (int)Math.Ceiling(Math.Min(source.Height, frame.Bottom));
            ox = (int)Math.Round((x0 - frame.Left) * scale);
            oy = (int)Math.Round((y0 - frame.Top) * scale);
            part = Resampled(source, x0, y0, x1, y1, scale);
        }

        var pixels = new byte[width * height * 3];
        Parallel.For(0, height, y => part.CopyRow(Math.Clamp(y - oy, 0, part.Height - 1), ox, pixels.AsSpan(y * width * 3, width * 3)));

        // The photo's rows and columns in the output, first and last inclusive.
        PhotoEdge[] edges =
        [
            PhotoEdge.Of(1, 0, -Math.Max(ox, 0), width, height),
            PhotoEdge.Of(-1, 0, Math.Min(ox + part.Width, width) - 1, width, height),
            PhotoEdge.Of(0, 1, -Math.Max(oy, 0), width, height),
            PhotoEdge.Of(0, -1, Math.Min(oy + part.Height, height) - 1, width, height),
        ];
        return new FramedPortrait(new RgbImage(width, height, pixels), edges);
    }

    /// <summary>Whether the output has as many pixels across as the frame has photo pixels, to within one pixel over the whole width.</summary>
    static bool OnePixelPerPixel(PortraitFrame frame, int width) => Math.Abs(frame.Width - width) < 1;

    /// <summary>
    /// A rectangle of packed RGB rows (<paramref name="Stride"/> pixels wide) whose top-left pixel is at
    /// (<paramref name="Left"/>, <paramref name="Top"/>): the photo itself, or its resampled part.
    /// </summary>
    readonly record struct Part(byte[] Pixels, int Stride, int Left, int Top, int Width, int Height)
    {
        /// <summary>Row <paramref name="row"/> placed <paramref name="offset"/> pixels into the output row, its first and last pixels repeated beyond it.</summary>
        public void CopyRow(int row, int offset, Span<byte> output)
        {
            var pixels = Pixels.AsSpan(((((Top + row) * Stride) + Left) * 3), Width * 3);
            var outputWidth = output.Length / 3;
            var start = Math.Clamp(offset, 0, outputWidth);
            var end = Math.Clamp(offset + Width, 0, outputWidth);
            for (var x = 0; x < start; x++) pixels[..3].CopyTo(output[(x * 3)..]);
            if (end > start) pixels.Slice((start - offset) * 3, (end - start) * 3).CopyTo(output[(start * 3)..]);
            for (var x = Math.Max(end, start); x < outputWidth; x++) pixels[^3..].CopyTo(output[(x * 3)..]);
        }
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
        var part = Resampled(source, x0, y0, x1, y1, scale);
        var (pw, ph, stride) = (part.Width, part.Height, part.Stride);

        // The same map into the resized part's pixels, whose centres sit at i + ½.
        var sx = pw / (double)(x1 - x0);
        var sy = ph / (double)(y1 - y0);
        var pixels = new byte[width * height * 3];
        var rows = part.Pixels;
        // The part's pixel (0, 0) in rows: a crop is read in the photo itself, not copied out of it.
        var corner = ((part.Top * stride) + part.Left) * 3;
        // The sample position in the part is linear in x and y: its start and its steps per output pixel.
        var (fx0, fy0) = (((origin.X - x0) * sx) - 0.5, ((origin.Y - y0) * sy) - 0.5);
        var (stepX, stepY) = (along.X * sx, along.Y * sy);
        var (downX, downY) = (down.X * sx, down.Y * sy);
        Parallel.For(0, height, y =>
        {
            Span<float> wx = stackalloc float[4];
            Span<float> wy = stackalloc float[4];
            Span<int> columns = stackalloc int[4];
            Span<int> lines = stackalloc int[4];
            var o = y * width * 3;
            for (var x = 0; x < width; x++, o += 3)
            {
                var fx = fx0 + (y * downX) + (x * stepX);
                var fy = fy0 + (y * downY) + (x * stepY);
                var ix = (int)Math.Floor(fx);
                var iy = (int)Math.Floor(fy);
                CatmullRom((float)(fx - ix), wx);
                CatmullRom((float)(fy - iy), wy);
                if (ix >= 1 && iy >= 1 && ix + 2 < pw && iy + 2 < ph)
                {
                    // Inside: the four rows and columns without clamping, written out (the same sums in the same order).
                    var (x0w, x1w, x2w, x3w) = (wx[0], wx[1], wx[2], wx[3]);
                    var at = corner + ((((iy - 1) * stride) + ix - 1) * 3);
                    var line = stride * 3;
                    var row0 = rows.AsSpan(at, 12);
                    var row1 = rows.AsSpan(at + line, 12);
                    var row2 = rows.AsSpan(at + (2 * line), 12);
                    var row3 = rows.AsSpan(at + (3 * line), 12);
                    var r = 0f + (wy[0] * Across(row0, 0, x0w, x1w, x2w, x3w));
                    var g = 0f + (wy[0] * Across(row0, 1, x0w, x1w, x2w, x3w));
                    var b = 0f + (wy[0] * Across(row0, 2, x0w, x1w, x2w, x3w));
                    r += wy[1] * Across(row1, 0, x0w, x1w, x2w, x3w);
                    g += wy[1] * Across(row1, 1, x0w, x1w, x2w, x3w);
                    b += wy[1] * Across(row1, 2, x0w, x1w, x2w, x3w);
                    r += wy[2] * Across(row2, 0, x0w, x1w, x2w, x3w);
                    g += wy[2] * Across(row2, 1, x0w, x1w, x2w, x3w);
                    b += wy[2] * Across(row2, 2, x0w, x1w, x2w, x3w);
                    r += wy[3] * Across(row3, 0, x0w, x1w, x2w, x3w);
                    g += wy[3] * Across(row3, 1, x0w, x1w, x2w, x3w);
                    b += wy[3] * Across(row3, 2, x0w, x1w, x2w, x3w);
                    Store(pixels, o, r, g, b);
                    continue;
                }

                for (var k = 0; k < 4; k++)
                {
                    columns[k] = Math.Clamp(ix - 1 + k, 0, pw - 1) * 3;
                    lines[k] = corner + (Math.Clamp(iy - 1 + k, 0, ph - 1) * stride * 3);
                }

                float er = 0, eg = 0, eb = 0;
                for (var j = 0; j < 4; j++)
                {
                    for (var i = 0; i < 4; i++)
                    {
                        var w = wx[i] * wy[j];
                        var at = lines[j] + columns[i];
                        er += w * rows[at];
                        eg += w * rows[at + 1];
                        eb += w * rows[at + 2];
                    }
                }

                Store(pixels, o, er, eg, eb);
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

    /// <summary>
    /// The source's pixels x0–x1, y0–y1 resized by <paramref name="scale"/> with Lanczos; when the resize would move no
    /// pixel by as much as two over the whole part, that rectangle of the source itself (read in place, not copied).
    /// </summary>
    static Part Resampled(RgbImage source, int x0, int y0, int x1, int y1, double scale)
    {
        (x0, y0) = (Math.Clamp(x0, 0, source.Width - 1), Math.Clamp(y0, 0, source.Height - 1));
        var (cropWidth, cropHeight) = (Math.Clamp(x1 - x0, 1, source.Width - x0), Math.Clamp(y1 - y0, 1, source.Height - y0));
        if (Math.Abs(scale - 1) * Math.Max(cropWidth, cropHeight) < 2)
        {
            return new Part(source.Pixels, source.Width, x0, y0, cropWidth, cropHeight);
        }

        var crop = new byte[cropWidth * cropHeight * 3];
        for (var y = 0; y < cropHeight; y++)
        {
            source.Pixels.AsSpan((((y0 + y) * source.Width) + x0) * 3, cropWidth * 3).CopyTo(crop.AsSpan(y * cropWidth * 3));
        }

        var width = Math.Max(1, (int)Math.Round(cropWidth * scale));
        var height = Math.Max(1, (int)Math.Round(cropHeight * scale));
        return new Part(LanczosResampler.Resize(new RgbImage(cropWidth, cropHeight, crop), width, height).Pixels, width, 0, 0, width, height);
    }

    /// <summary>One row's four taps of channel <paramref name="c"/>, summed from the left as the loop it replaces did.</summary>
    static float Across(ReadOnlySpan<byte> row, int c, float w0, float w1, float w2, float w3) =>
        0f + (w0 * row[c]) + (w1 * row[3 + c]) + (w2 * row[6 + c]) + (w3 * row[9 + c]);

    static void Store(byte[] pixels, int at, float r, float g, float b)
    {
        pixels[at] = (byte)Math.Clamp(MathF.Round(r), 0, 255);
        pixels[at + 1] = (byte)Math.Clamp(MathF.Round(g), 0, 255);
        pixels[at + 2] = (byte)Math.Clamp(MathF.Round(b), 0, 255);
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
