using System.Drawing;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using ImageMagick;

namespace Headshots.Engines.Looks;

/// <summary>
/// A frame rendered at the output size: the part inside the photo resampled (Lanczos), the rest filled by
/// repeating the photo's edge so the segmenter sees a continuous picture; the mask is then cleared there.
/// </summary>
internal sealed record FramedPortrait(RgbImage Image, Rectangle PhotoArea)
{
    public static FramedPortrait Render(RgbImage source, PortraitFrame frame, int width, int height)
    {
        var scale = width / frame.Width;
        var x0 = (int)Math.Floor(Math.Max(0, frame.Left));
        var y0 = (int)Math.Floor(Math.Max(0, frame.Top));
        var x1 = (int)Math.Ceiling(Math.Min(source.Width, frame.Right));
        var y1 = (int)Math.Ceiling(Math.Min(source.Height, frame.Bottom));
        var ox = (int)Math.Round((x0 - frame.Left) * scale);
        var oy = (int)Math.Round((y0 - frame.Top) * scale);
        var pw = Math.Max(1, (int)Math.Round((x1 - x0) * scale));
        var ph = Math.Max(1, (int)Math.Round((y1 - y0) * scale));

        using var image = source.ToMagick();
        image.Crop(new MagickGeometry(x0, y0, (uint)Math.Max(1, x1 - x0), (uint)Math.Max(1, y1 - y0)));
        image.ResetPage();
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)pw, (uint)ph) { IgnoreAspectRatio = true });
        var part = RgbImage.FromMagick(image);

        var area = Rectangle.Intersect(new Rectangle(ox, oy, pw, ph), new Rectangle(0, 0, width, height));
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
        return new FramedPortrait(new RgbImage(width, height, pixels), area);
    }

    /// <summary>
    /// No person outside the photo, and where the frame reaches past an edge of it the person fades out over the
    /// last few percent before that edge instead of ending in a hard straight line.
    /// </summary>
    public PersonMask Confine(PersonMask mask)
    {
        var w = Image.Width;
        var h = Image.Height;
        var fade = Math.Max(2f, 0.05f * h);
        var alpha = (byte[])mask.Alpha.Clone();
        var cutLeft = PhotoArea.Left > 0;
        var cutRight = PhotoArea.Right < w;
        var cutTop = PhotoArea.Top > 0;
        var cutBottom = PhotoArea.Bottom < h;
        if (!cutLeft && !cutRight && !cutTop && !cutBottom)
        {
            return mask;
        }

        Parallel.For(0, h, y =>
        {
            var vertical = Math.Min(cutTop ? Ramp(y - PhotoArea.Top, fade) : 1f, cutBottom ? Ramp(PhotoArea.Bottom - 1 - y, fade) : 1f);
            for (var x = 0; x < w; x++)
            {
                var horizontal = Math.Min(cutLeft ? Ramp(x - PhotoArea.Left, fade) : 1f, cutRight ? Ramp(PhotoArea.Right - 1 - x, fade) : 1f);
                var keep = Math.Min(vertical, horizontal);
                var i = (y * w) + x;
                alpha[i] = (byte)MathF.Round(alpha[i] * keep);
            }
        });
        return new PersonMask(w, h, alpha);
    }

    static float Ramp(float distance, float fade) => distance < 0 ? 0f : StudioGradient.SmoothStep(0f, fade, distance);
}
