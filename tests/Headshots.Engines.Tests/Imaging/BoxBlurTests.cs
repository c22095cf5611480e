using Headshots.Engines.Imaging;

namespace Headshots.Engines.Tests.Imaging;

public sealed class BoxBlurTests
{
    [Fact]
    public void InPlace_ConstantImage_StaysConstantUpToTheBorders()
    {
        var (w, h, channels) = (37, 23, 3);
        var data = new float[w * h * channels];
        for (var i = 0; i < data.Length; i++) data[i] = (i % channels) switch { 0 => 0.25f, 1 => 0.5f, _ => 0.75f };

        BoxBlur.InPlace(data, w, h, channels, radius: 5, passes: 3);

        for (var i = 0; i < data.Length; i++) Assert.Equal(0.25f * (1 + (i % channels)), data[i], 1e-6f);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Mean_Impulse_SpreadsEvenlyOverTheWindow(int radius)
    {
        var (w, h) = (21, 17);
        var (cx, cy) = (10, 8);
        var values = new float[w * h];
        values[(cy * w) + cx] = 1f;

        var blurred = BoxBlur.Mean(values, w, h, radius);

        var share = 1f / ((2 * radius) + 1) / ((2 * radius) + 1);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var inside = Math.Abs(x - cx) <= radius && Math.Abs(y - cy) <= radius;
                Assert.Equal(inside ? share : 0f, blurred[(y * w) + x], 1e-6f);
            }
        }
    }

    [Fact]
    public void Mean_ImpulseInTheCorner_AveragesOnlyPixelsInsideTheImage()
    {
        var (w, h) = (8, 6);
        var values = new float[w * h];
        values[0] = 1f;

        var blurred = BoxBlur.Mean(values, w, h, 1);

        // The corner's window holds 2×2 pixels of the image, its neighbour along the edge 3×2.
        Assert.Equal(1f / 4, blurred[0], 1e-6f);
        Assert.Equal(1f / 6, blurred[1], 1e-6f);
        Assert.Equal(1f / 9, blurred[w + 1], 1e-6f);
    }

    [Fact]
    public void InPlace_InterleavedChannels_BlurEachChannelOnItsOwn()
    {
        var (w, h) = (9, 9);
        var data = new float[w * h * 2];
        data[((4 * w) + 4) * 2] = 1f;

        BoxBlur.InPlace(data, w, h, 2, radius: 1);

        Assert.Equal(1f / 9, data[((3 * w) + 3) * 2], 1e-6f);
        Assert.All(Enumerable.Range(0, w * h), i => Assert.Equal(0f, data[(i * 2) + 1]));
    }

    [Fact]
    public void InPlace_RadiusZero_LeavesTheDataAsItIs()
    {
        var data = new[] { 1f, 2f, 3f, 4f };

        BoxBlur.InPlace(data, 2, 2, 1, radius: 0);

        Assert.Equal([1f, 2f, 3f, 4f], data);
    }

    [Theory]
    [InlineData(1, 19)]
    [InlineData(3, 11)]
    [InlineData(4, 9)]
    public void InPlace_RandomRows_EachPixelIsTheMeanOfItsClippedWindow(int channels, int height)
    {
        // Heights that leave a part-block of rows, so rows stepped together and the last rows alone are both checked.
        var (w, radius) = (23, 3);
        var random = new Random(channels * 100 + height);
        var data = new float[w * height * channels];
        for (var i = 0; i < data.Length; i++) data[i] = (float)(random.NextDouble() * 255);
        var original = (float[])data.Clone();

        BoxBlur.InPlace(data, w, height, channels, radius);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    double sum = 0;
                    var count = 0;
                    for (var yy = Math.Max(0, y - radius); yy <= Math.Min(height - 1, y + radius); yy++)
                    {
                        for (var xx = Math.Max(0, x - radius); xx <= Math.Min(w - 1, x + radius); xx++)
                        {
                            sum += original[(((yy * w) + xx) * channels) + c];
                            count++;
                        }
                    }

                    Assert.Equal(sum / count, data[(((y * w) + x) * channels) + c], 0.01);
                }
            }
        }
    }
}
