using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>The managed resampler against ImageMagick's own filters of the same name, on a real portrait.</summary>
public sealed class LanczosResamplerTests
{
    static readonly RgbImage Portrait = RgbImage.Decode(SamplePhotos.Astronaut, 512);

    [Theory]
    [InlineData(1210, 1371)]
    [InlineData(777, 900)]
    [InlineData(300, 257)]
    public void Resize_Portrait_MatchesImageMagicksLanczos(int width, int height)
    {
        var ours = LanczosResampler.Resize(Portrait, width, height);
        var magick = WithMagick(Portrait, width, height, FilterType.Lanczos);

        Assert.Equal((width, height), (ours.Width, ours.Height));
        var (mean, worst) = Difference(ours, magick);
        Assert.True(mean < 0.6, $"mean difference {mean:0.000} levels from ImageMagick's Lanczos");
        Assert.True(worst < 0.02, $"{worst:P2} of samples differ by more than 4 levels");
    }

    [Fact]
    public void ReduceWithTriangle_Portrait_MatchesImageMagicksTriangle()
    {
        var large = LanczosResampler.Resize(Portrait, 1500, 1500);
        var ours = LanczosResampler.ReduceWithTriangle(large, 640, 640);
        var magick = WithMagick(large, 640, 640, FilterType.Triangle);

        var (mean, worst) = Difference(ours, magick);
        Assert.True(mean < 0.6, $"mean difference {mean:0.000} levels from ImageMagick's Triangle");
        Assert.True(worst < 0.02, $"{worst:P2} of samples differ by more than 4 levels");
    }

    [Fact]
    public void Resize_FlatColour_StaysExactlyThatColour()
    {
        var flat = new RgbImage(37, 23, [.. Enumerable.Range(0, 37 * 23).SelectMany(_ => new byte[] { 200, 17, 90 })]);

        foreach (var (w, h) in new[] { (101, 64), (9, 5), (37, 23) })
        {
            var resized = LanczosResampler.Resize(flat, w, h);
            Assert.All(resized.Pixels.Chunk(3), p => Assert.Equal(new byte[] { 200, 17, 90 }, p));
        }
    }

    [Fact]
    public void Resize_RampsInEachChannel_StayRampsInTheirOwnChannel()
    {
        // Red rises across, green down, blue falls across: a filter whose weights sum to one and are symmetric keeps
        // a straight ramp straight, so away from the borders each channel is its own ramp at the new pixel centres.
        const int width = 200, height = 120, toWidth = 333, toHeight = 250;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                (pixels[((y * width) + x) * 3], pixels[(((y * width) + x) * 3) + 1], pixels[(((y * width) + x) * 3) + 2]) = ((byte)x, (byte)(2 * y), (byte)(255 - x));

        var resized = LanczosResampler.Resize(new RgbImage(width, height, pixels), toWidth, toHeight);

        for (var y = 10; y < toHeight - 10; y++)
        {
            for (var x = 10; x < toWidth - 10; x++)
            {
                var sourceX = ((x + 0.5) * width / toWidth) - 0.5;
                var sourceY = ((y + 0.5) * height / toHeight) - 0.5;
                var at = ((y * toWidth) + x) * 3;
                Assert.InRange(resized.Pixels[at] - sourceX, -1, 1);
                Assert.InRange(resized.Pixels[at + 1] - (2 * sourceY), -1, 1);
                Assert.InRange(resized.Pixels[at + 2] - (255 - sourceX), -1, 1);
            }
        }
    }

    static RgbImage WithMagick(RgbImage image, int width, int height, FilterType filter)
    {
        using var magick = image.ToMagick();
        magick.FilterType = filter;
        magick.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
        return RgbImage.FromMagick(magick);
    }

    static (double Mean, double FractionOver4) Difference(RgbImage a, RgbImage b)
    {
        long total = 0, over = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            var d = Math.Abs(a.Pixels[i] - b.Pixels[i]);
            total += d;
            if (d > 4) over++;
        }

        return (total / (double)a.Pixels.Length, over / (double)a.Pixels.Length);
    }
}
