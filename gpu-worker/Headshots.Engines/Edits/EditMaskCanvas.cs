using Headshots.Engines.Imaging;
using ImageMagick;

namespace Headshots.Engines.Edits;

/// <summary>
/// The image model edits squares of <see cref="ModelSize"/> pixels: an image and its mask are scaled to fit and
/// padded (centred) to that square, and the model's answer is cropped and scaled back to the image's size. The
/// padding is never editable. <see cref="Merge"/> then keeps every pixel outside the mask from the original, so
/// the model's small changes elsewhere (it re-renders the whole square) never reach the delivered image.
/// </summary>
public sealed record EditMaskCanvas(int SourceWidth, int SourceHeight, int Size, int ContentX, int ContentY, int ContentWidth, int ContentHeight)
{
    public const int ModelSize = 1024;

    /// <summary>The soft edge, in the image's pixels, a merge blends the model's answer over, for an image of the model's size or smaller.</summary>
    public const int Feather = 4;

    /// <summary>
    /// How far past a mask's edge a merge with <see cref="Feather"/> still takes some of the model's pixels: the
    /// mask is grown by half the feather, then box-blurred with the feather as radius.
    /// </summary>
    public const int MergeReach = (Feather / 2) + Feather;

    /// <summary>
    /// The soft edge for an image of <paramref name="width"/> × <paramref name="height"/>: <see cref="Feather"/> of the
    /// model's pixels. On a full-resolution base the model's answer is enlarged several times, and a 4 px edge there
    /// would be a visible seam between the soft answer and the sharp pixels kept.
    /// </summary>
    public static int FeatherFor(int width, int height) =>
        (int)Math.Ceiling(Feather * Math.Max(1.0, Math.Max(width, height) / (double)ModelSize));

    /// <summary>How far past a mask's edge a merge of an image of this size takes some of the model's pixels (<see cref="MergeReach"/> at its feather).</summary>
    public static int MergeReachFor(int width, int height)
    {
        var feather = FeatherFor(width, height);
        return (feather / 2) + feather;
    }

    /// <summary>The grey the padding is filled with: neutral, so the model reads it as a plain border.</summary>
    const byte PadGrey = 128;

    public static EditMaskCanvas For(int width, int height, int size = ModelSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var scale = (double)size / Math.Max(width, height);
        var cw = Math.Clamp((int)Math.Round(width * scale), 1, size);
        var ch = Math.Clamp((int)Math.Round(height * scale), 1, size);
        return new EditMaskCanvas(width, height, size, (size - cw) / 2, (size - ch) / 2, cw, ch);
    }

    /// <summary>The image scaled into the square and padded.</summary>
    public RgbImage Fit(RgbImage image)
    {
        RequireSource(image.Width, image.Height);
        var scaled = image.Width == ContentWidth && image.Height == ContentHeight ? image : image.Resized(ContentWidth, ContentHeight);
        var pixels = new byte[Size * Size * 3];
        Array.Fill(pixels, PadGrey);
        for (var y = 0; y < ContentHeight; y++)
        {
            Buffer.BlockCopy(scaled.Pixels, y * ContentWidth * 3, pixels, (((ContentY + y) * Size) + ContentX) * 3, ContentWidth * 3);
        }

        return new RgbImage(Size, Size, pixels);
    }

    /// <summary>The mask scaled (nearest, so it stays hard) into the square; the padding is not editable.</summary>
    public EditMask Fit(EditMask mask)
    {
        RequireSource(mask.Width, mask.Height);
        var editable = new byte[Size * Size];
        for (var y = 0; y < ContentHeight; y++)
        {
            var sy = Math.Min(SourceHeight - 1, (int)((y + 0.5) * SourceHeight / ContentHeight));
            for (var x = 0; x < ContentWidth; x++)
            {
                var sx = Math.Min(SourceWidth - 1, (int)((x + 0.5) * SourceWidth / ContentWidth));
                editable[((ContentY + y) * Size) + ContentX + x] = mask.Editable[(sy * SourceWidth) + sx];
            }
        }

        return new EditMask(Size, Size, editable);
    }

    /// <summary>The model's square answer cropped to the content and scaled back to the source size.</summary>
    public RgbImage Restore(RgbImage edited)
    {
        // The model may answer at another square size than asked (e.g. "auto"): map by proportion.
        var factor = (double)edited.Width / Size;
        var (x0, y0) = ((int)Math.Round(ContentX * factor), (int)Math.Round(ContentY * factor));
        var (cw, ch) = (Math.Max(1, (int)Math.Round(ContentWidth * factor)), Math.Max(1, (int)Math.Round(ContentHeight * factor)));
        cw = Math.Min(cw, edited.Width - x0);
        ch = Math.Min(ch, edited.Height - y0);
        var crop = new byte[cw * ch * 3];
        for (var y = 0; y < ch; y++)
        {
            Buffer.BlockCopy(edited.Pixels, (((y0 + y) * edited.Width) + x0) * 3, crop, y * cw * 3, cw * 3);
        }

        var content = new RgbImage(cw, ch, crop);
        if (cw == SourceWidth && ch == SourceHeight) return content;
        using var image = content.ToMagick();
        // Upscaling back to the source: a sharp filter; the identity check and the upscale to 16 MP come after.
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)SourceWidth, (uint)SourceHeight) { IgnoreAspectRatio = true });
        return RgbImage.FromMagick(image);
    }

    /// <summary>
    /// The original with the restored edit inside the mask, blended over a soft edge of <paramref name="feather"/>
    /// pixels (by default <see cref="FeatherFor"/> the image's size), and every pixel outside the (feathered) mask
    /// exactly the original's.
    /// </summary>
    public static RgbImage Merge(RgbImage original, RgbImage restored, EditMask mask, int? feather = null)
    {
        if (original.Width != restored.Width || original.Height != restored.Height || mask.Width != original.Width || mask.Height != original.Height)
        {
            throw new ArgumentException("The original, the edit and the mask must have the same size.");
        }

        var weight = Soften(mask, feather ?? FeatherFor(original.Width, original.Height));
        var pixels = (byte[])original.Pixels.Clone();
        for (var i = 0; i < weight.Length; i++)
        {
            var a = weight[i];
            if (a == 0) continue;
            for (var c = 0; c < 3; c++)
            {
                var k = (i * 3) + c;
                pixels[k] = (byte)(((original.Pixels[k] * (255 - a)) + (restored.Pixels[k] * a) + 127) / 255);
            }
        }

        return new RgbImage(original.Width, original.Height, pixels);
    }

    /// <summary>The mask grown by the feather and box-blurred: 255 deep inside, easing to 0 just outside.</summary>
    static byte[] Soften(EditMask mask, int feather)
    {
        if (feather <= 0) return mask.Editable;
        var grown = EditMaskMorphology.Dilate(mask.Editable, mask.Width, mask.Height, feather / 2);
        var floats = new float[grown.Length];
        for (var i = 0; i < grown.Length; i++) floats[i] = grown[i];
        var blurred = BoxBlur.Mean(floats, mask.Width, mask.Height, feather);
        var result = new byte[grown.Length];
        for (var i = 0; i < result.Length; i++) result[i] = (byte)Math.Clamp(MathF.Round(blurred[i]), 0, 255);
        return result;
    }

    /// <summary>An RGB PNG of the image: the form the image edit operation takes (JPEG is not accepted with a mask).</summary>
    public static byte[] Png(RgbImage image)
    {
        using var magick = image.ToMagick();
        magick.Format = MagickFormat.Png24;
        return magick.ToByteArray();
    }

    void RequireSource(int width, int height)
    {
        if (width != SourceWidth || height != SourceHeight)
        {
            throw new ArgumentException($"This canvas is for {SourceWidth}×{SourceHeight}, not {width}×{height}.");
        }
    }
}
