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

    /// <summary>
    /// The across pass gathers taps two at a time where the processor allows (16-bit pairs): every output sample must
    /// still be the integer sum of one tap at a time, at the borders, with odd and even tap counts, enlarging and reducing.
    /// </summary>
    [Theory]
    [InlineData(211, 3580)]
    [InlineData(997, 3000)]
    [InlineData(640, 1281)]
    [InlineData(3000, 800)]
    [InlineData(17, 5)]
    [InlineData(5, 40)]
    public void Resize_AcrossOnly_EqualsTheFixedPointSumOneTapAtATime(int width, int toWidth)
    {
        var random = new Random(width);
        var pixels = new byte[width * 7 * 3];
        random.NextBytes(pixels);
        var image = new RgbImage(width, 7, pixels);

        var lanczos = LanczosResampler.Resize(image, toWidth, 7);
        var triangle = LanczosResampler.ReduceWithTriangle(image, toWidth, 7);

        Assert.Equal(OneTapAtATime(image, toWidth, x => x == 0 ? 1 : Math.Abs(x) >= 3 ? 0 : 3 * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * x / 3) / (Math.PI * x * Math.PI * x), 3), lanczos.Pixels);
        Assert.Equal(OneTapAtATime(image, toWidth, x => Math.Max(0, 1 - Math.Abs(x)), 1), triangle.Pixels);
    }

    /// <summary>The resampler's documented fixed point, written out: 14-bit weights summing to exactly one, the rounding error on the largest tap.</summary>
    static byte[] OneTapAtATime(RgbImage image, int toWidth, Func<double, double> kernel, int lobes)
    {
        var scale = toWidth / (double)image.Width;
        var stretch = Math.Max(1, 1 / scale);
        var output = new byte[toWidth * image.Height * 3];
        for (var x = 0; x < toWidth; x++)
        {
            var centre = ((x + 0.5) / scale) - 0.5;
            var first = Math.Max(0, (int)Math.Ceiling(centre - (lobes * stretch)));
            var last = Math.Min(image.Width - 1, (int)Math.Floor(centre + (lobes * stretch)));
            var raw = Enumerable.Range(first, Math.Max(1, last - first + 1)).Select(i => kernel((i - centre) / stretch)).ToArray();
            var weights = raw.Select(r => (int)Math.Round(r / raw.Sum() * (1 << 14))).ToArray();
            var largest = 0;
            for (var k = 1; k < weights.Length; k++) if (Math.Abs(weights[k]) > Math.Abs(weights[largest])) largest = k;
            weights[largest] += (1 << 14) - weights.Sum();
            for (var y = 0; y < image.Height; y++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var k = 0; k < weights.Length; k++) sum += weights[k] * image.Pixels[(((y * image.Width) + first + k) * 3) + c];
                    output[(((y * toWidth) + x) * 3) + c] = (byte)Math.Clamp((sum + (1 << 13)) >> 14, 0, 255);
                }
            }
        }

        return output;
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
