using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class RgbImageTests
{
    [Fact]
    public void FromMagick_DecodedPhoto_EqualsImageMagicksOwnExport()
    {
        using var image = new MagickImage(SamplePhotos.GraceHopper);
        using var pixels = image.GetPixelsUnsafe();
        var exported = pixels.ToByteArray(PixelMapping.RGB)!;

        var rgb = RgbImage.FromMagick(image);

        Assert.Equal(((int)image.Width, (int)image.Height), (rgb.Width, rgb.Height));
        Assert.True(exported.AsSpan().SequenceEqual(rgb.Pixels), "the packed copy differs from ImageMagick's RGB export");
    }

    [Fact]
    public void FromMagick_GreyImage_RepeatsEachLevelInRedGreenAndBlue()
    {
        using var image = new MagickImage(MagickColors.Black, 3, 1);
        image.ColorSpace = ColorSpace.Gray;
        image.ColorType = ColorType.Grayscale;
        using (var pixels = image.GetPixelsUnsafe())
        {
            pixels.SetArea(0, 0, 3, 1, [0, 128, 255]);
        }

        var rgb = RgbImage.FromMagick(image);

        Assert.Equal([0, 0, 0, 128, 128, 128, 255, 255, 255], rgb.Pixels);
    }

    [Fact]
    public void FromMagick_ImageWithAlpha_DropsTheAlphaChannel()
    {
        using var image = new MagickImage(new MagickColor(10, 20, 30, 40), 2, 1);
        Assert.True(image.HasAlpha);

        var rgb = RgbImage.FromMagick(image);

        Assert.Equal([10, 20, 30, 10, 20, 30], rgb.Pixels);
    }

    [Fact]
    public void ToMagick_RandomPixels_ImageMagickReadsBackTheSameRgb()
    {
        var bytes = new byte[37 * 11 * 3];
        new Random(7).NextBytes(bytes);
        var image = new RgbImage(37, 11, bytes);

        using var magick = image.ToMagick();
        using var pixels = magick.GetPixelsUnsafe();

        Assert.Equal((37u, 11u, 3u, ColorSpace.sRGB), (magick.Width, magick.Height, magick.ChannelCount, magick.ColorSpace));
        Assert.Equal(bytes, pixels.ToByteArray(PixelMapping.RGB));
    }
}
