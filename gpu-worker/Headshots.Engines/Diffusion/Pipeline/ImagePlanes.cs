using Headshots.Engines.Imaging;
using Headshots.Engines.Diffusion.Vae;
using ImageMagick;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>Between packed 8-bit RGB and the VAE's planar [−1, 1] pixels, and the framing of a reference to the run's size.</summary>
internal static class ImagePlanes
{
    /// <summary>
    /// The image scaled to cover <paramref name="width"/> × <paramref name="height"/> and cropped to it around the
    /// middle: a reference crop is already framed on the head and shoulders, and cropping keeps its proportions.
    /// </summary>
    public static RgbImage Cover(RgbImage image, int width, int height)
    {
        if (image.Width == width && image.Height == height) return image;
        using var magick = image.ToMagick();
        magick.FilterType = FilterType.Lanczos;
        var scale = Math.Max(width / (double)image.Width, height / (double)image.Height);
        var (scaledWidth, scaledHeight) = ((uint)Math.Max(width, Math.Round(image.Width * scale)), (uint)Math.Max(height, Math.Round(image.Height * scale)));
        magick.Resize(new MagickGeometry(scaledWidth, scaledHeight) { IgnoreAspectRatio = true });
        magick.Crop(new MagickGeometry((int)(scaledWidth - width) / 2, (int)(scaledHeight - height) / 2, (uint)width, (uint)height));
        magick.ResetPage();
        return RgbImage.FromMagick(magick);
    }

    /// <summary>Packed RGB → CHW in [−1, 1].</summary>
    public static float[] ToVae(RgbImage image)
    {
        var plane = image.Width * image.Height;
        var planes = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++) planes[(c * plane) + i] = VaeScaling.ToVaePixel(image.Pixels[(i * 3) + c] / 255f);
        }

        return planes;
    }

    /// <summary>CHW in [−1, 1] (clamped) → packed RGB.</summary>
    public static RgbImage FromVae(ReadOnlySpan<float> planes, int width, int height)
    {
        var plane = width * height;
        var pixels = new byte[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++) pixels[(i * 3) + c] = (byte)MathF.Round(VaeScaling.FromVaePixel(planes[(c * plane) + i]) * 255);
        }

        return new RgbImage(width, height, pixels);
    }
}
