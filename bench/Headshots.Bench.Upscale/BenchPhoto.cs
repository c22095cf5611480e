using Headshots.Engines.Imaging;
using Headshots.Engines.Upscaling;
using ImageMagick;

namespace Headshots.Bench.Upscale;

/// <summary>The benchmark input: a real portrait (Grace Hopper, from .cache/samples) resized to the candidate size.</summary>
internal static class BenchPhoto
{
    public static RgbImage Load(string root, uint width, uint height)
    {
        var file = Path.Combine(root, ".cache", "samples", "grace_hopper.jpg");
        if (!File.Exists(file)) throw new FileNotFoundException($"{file} is missing: run tools/fetch-sample-photos.sh .cache/samples.");
        using var image = new MagickImage(file);
        image.ColorSpace = ColorSpace.sRGB;
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry(width, height) { IgnoreAspectRatio = true });
        using var pixels = image.GetPixels();
        return new RgbImage((int)width, (int)height, pixels.ToByteArray(PixelMapping.RGB)!);
    }

    public static MagickImage ToMagick(RgbImage image)
    {
        var magick = new MagickImage();
        magick.ReadPixels(image.Pixels, new PixelReadSettings((uint)image.Width, (uint)image.Height, StorageType.Char, PixelMapping.RGB));
        return magick;
    }
}
