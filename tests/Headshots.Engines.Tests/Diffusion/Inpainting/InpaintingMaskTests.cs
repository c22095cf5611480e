using Headshots.Engines.Diffusion.Inpainting;

namespace Headshots.Engines.Tests.Diffusion.Inpainting;

public sealed class InpaintingMaskTests
{
    [Fact]
    public void Binarize_Values_OneFromAHalfUp()
    {
        float[] mask = [0f, 0.49f, 0.5f, 0.51f, 1f];

        InpaintingMask.Binarize(mask);

        Assert.Equal([0f, 0f, 1f, 1f, 1f], mask);
    }

    [Fact]
    public void MaskImage_ThreePlanes_PaintedPixelsZeroInEveryPlane()
    {
        float[] mask = [0f, 1f];
        float[] image = [0.1f, 0.2f, -0.3f, -0.4f, 0.5f, 0.6f];
        var masked = new float[6];

        InpaintingMask.MaskImage(image, mask, masked);

        Assert.Equal([0.1f, 0f, -0.3f, 0f, 0.5f, 0f], masked);
    }

    [Fact]
    public void Downsample_ByEight_EachBlocksTopLeftPixel()
    {
        // A 16 × 24 mask whose pixel (y, x) holds y·100 + x: latent (j, i) must read pixel (8j, 8i).
        const int height = 16, width = 24;
        var mask = new float[height * width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++) mask[(y * width) + x] = (y * 100) + x;
        }

        var latent = new float[2 * 3];
        InpaintingMask.Downsample(mask, height, width, 8, latent);

        Assert.Equal([0f, 8f, 16f, 800f, 808f, 816f], latent);
    }

    [Fact]
    public void Downsample_SizeNotAMultiple_Refused()
    {
        Assert.Throws<ArgumentException>(() => InpaintingMask.Downsample(new float[12 * 16], 12, 16, 8, new float[2]));
    }
}
