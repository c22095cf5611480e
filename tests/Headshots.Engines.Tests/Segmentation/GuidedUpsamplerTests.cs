using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Tests.Segmentation;

public sealed class GuidedUpsamplerTests
{
    [Fact]
    public void Bilinear_InterleavedChannels_EachStretchedAsItsOwnPlane()
    {
        const int sw = 23, sh = 17, w = 101, h = 64;
        var random = new Random(11);
        var interleaved = new float[sw * sh * 3];
        for (var i = 0; i < interleaved.Length; i++) interleaved[i] = (float)random.NextDouble() * 255;

        var stretched = GuidedUpsampler.Bilinear(interleaved, sw, sh, 3, w, h);

        for (var c = 0; c < 3; c++)
        {
            var plane = GuidedUpsampler.Bilinear([.. Enumerable.Range(0, sw * sh).Select(i => interleaved[(3 * i) + c])], sw, sh, w, h);
            Assert.Equal(plane, Enumerable.Range(0, w * h).Select(i => stretched[(3 * i) + c]));
        }
    }

    [Fact]
    public void Upsample_CoarseMaskOffTheImageEdge_SnapsToTheImageEdge()
    {
        // A 768×384 image (the working size), dark on the left and light from x = 400. The 256×128 mask has the
        // model's 3 px cells and switches at cell 135 (x = 405): 5 px off, as a coarse mask is along a shoulder.
        const int width = 768, height = 384, edge = 400, cells = 256;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels.AsSpan(((y * width) + x) * 3, 3).Fill(x < edge ? (byte)30 : (byte)220);
        var coarse = new float[cells * (cells / 2)];
        for (var y = 0; y < cells / 2; y++)
            for (var x = 135; x < cells; x++)
                coarse[(y * cells) + x] = 1f;

        var mask = GuidedUpsampler.Upsample(new RgbImage(width, height, pixels), coarse, cells, cells / 2);
        var plain = GuidedUpsampler.Bilinear(coarse, cells, cells / 2, width, height);

        // Where the mask changes most steeply along a row: at the image's edge, not the coarse mask's step.
        int Steepest(Func<int, float> at) => Enumerable.Range(380, 50).MaxBy(x => Math.Abs(at(x + 1) - at(x)));
        Assert.Equal(edge - 1, Steepest(x => mask[x, 100]));
        Assert.NotEqual(edge - 1, Steepest(x => plain[(100 * width) + x]));
        Assert.True(mask[edge - 4, 100] < 25, $"left of the image edge stays background: {mask[edge - 4, 100]}");
    }
}
