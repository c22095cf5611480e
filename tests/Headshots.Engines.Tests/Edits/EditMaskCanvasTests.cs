using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Edits;

public sealed class EditMaskCanvasTests
{
    [Fact]
    public void For_Portrait_ScalesTheLongEdgeToTheModelSizeAndCentres()
    {
        var canvas = EditMaskCanvas.For(512, 640);

        Assert.Equal((1024, 819, 1024), (canvas.Size, canvas.ContentWidth, canvas.ContentHeight));
        Assert.Equal((102, 0), (canvas.ContentX, canvas.ContentY));
    }

    [Fact]
    public void FitAndRestore_SamplePortrait_RoundTripsToTheSourceSize()
    {
        var image = Portrait.Astronaut.Image();
        var canvas = EditMaskCanvas.For(image.Width, image.Height);

        var square = canvas.Fit(image);
        var back = canvas.Restore(square);

        Assert.Equal((1024, 1024), (square.Width, square.Height));
        Assert.Equal((image.Width, image.Height), (back.Width, back.Height));
        var png = new ImageMagick.MagickImageInfo(EditMaskCanvas.Png(square));
        Assert.Equal((ImageMagick.MagickFormat.Png, 1024u, 1024u), (png.Format, png.Width, png.Height));
        // Down-and-up through the model's size loses little: the mean difference stays small.
        var diff = image.Pixels.Zip(back.Pixels).Average(t => Math.Abs(t.First - t.Second));
        Assert.True(diff < 6, $"mean difference {diff:0.0}");
    }

    [Fact]
    public void Fit_Mask_KeepsItHardAndThePaddingNotEditable()
    {
        var mask = new EditMask(100, 50, Enumerable.Repeat((byte)255, 100 * 50).ToArray());
        var canvas = EditMaskCanvas.For(100, 50);

        var square = canvas.Fit(mask);

        Assert.Equal((1024, 1024), (square.Width, square.Height));
        Assert.All(square.Editable, v => Assert.True(v is 0 or 255));
        Assert.False(square.IsEditable(500, 10));
        Assert.True(square.IsEditable(500, 512));
        Assert.Equal(canvas.ContentWidth * canvas.ContentHeight, square.Editable.Count(v => v != 0));
    }

    [Fact]
    public void Restore_AnswerAtAnotherSquareSize_MapsByProportion()
    {
        var canvas = EditMaskCanvas.For(300, 200);
        var answer = new RgbImage(512, 512, new byte[512 * 512 * 3]);

        var back = canvas.Restore(answer);

        Assert.Equal((300, 200), (back.Width, back.Height));
    }

    [Fact]
    public void Merge_KeepsEveryPixelFarOutsideTheMaskFromTheOriginal()
    {
        const int w = 40, h = 30;
        var original = new RgbImage(w, h, Enumerable.Repeat((byte)10, w * h * 3).ToArray());
        var edited = new RgbImage(w, h, Enumerable.Repeat((byte)250, w * h * 3).ToArray());
        var editable = new byte[w * h];
        for (var y = 10; y < 20; y++) for (var x = 15; x < 25; x++) editable[(y * w) + x] = 255;

        var merged = EditMaskCanvas.Merge(original, edited, new EditMask(w, h, editable), feather: 4);

        Assert.Equal(250, merged.Pixels[((15 * w) + 20) * 3]);
        Assert.Equal(10, merged.Pixels[((2 * w) + 2) * 3]);
        Assert.Equal(10, merged.Pixels[((15 * w) + 5) * 3]);
        var edge = merged.Pixels[((15 * w) + 14) * 3];
        Assert.InRange(edge, 11, 249);
    }

    [Fact]
    public void Merge_DefaultFeather_ChangesNothingFartherThanMergeReach()
    {
        const int size = 41, centre = 20;
        var original = new RgbImage(size, size, new byte[size * size * 3]);
        var edited = new RgbImage(size, size, Enumerable.Repeat((byte)255, size * size * 3).ToArray());
        var editable = new byte[size * size];
        editable[(centre * size) + centre] = 255;

        var merged = EditMaskCanvas.Merge(original, edited, new EditMask(size, size, editable));

        var reach = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (merged.Pixels[((y * size) + x) * 3] != 0) reach = Math.Max(reach, Math.Max(Math.Abs(x - centre), Math.Abs(y - centre)));
            }
        }
        // The background mask's margin is built on this: a merge never takes the model's pixels past it.
        Assert.InRange(reach, 1, EditMaskCanvas.MergeReach);
    }

    [Fact]
    public void Fit_ImageOfAnotherSize_IsRefused()
    {
        var canvas = EditMaskCanvas.For(100, 50);

        Assert.Throws<ArgumentException>(() => canvas.Fit(new RgbImage(50, 50, new byte[50 * 50 * 3])));
    }

    [Theory]
    [InlineData(819, 1024, 4)]
    [InlineData(816, 1020, 4)]
    // A 16 MP 4:5 base: the model's answer is enlarged 4.37×, and so is the soft edge it is blended over.
    [InlineData(3580, 4475, 18)]
    [InlineData(4096, 4096, 16)]
    public void FeatherFor_ImageSize_IsFourOfTheModelsPixels(int width, int height, int feather) =>
        Assert.Equal(feather, EditMaskCanvas.FeatherFor(width, height));

    [Fact]
    public void Merge_FullResolutionImage_BlendsOverTheScaledFeatherAndNoFartherThanItsReach()
    {
        // 4096 px long: four times the model's square, so a feather of 16 and a reach of 24.
        const int width = 4096, height = 81, centre = 40;
        var original = new RgbImage(width, height, new byte[width * height * 3]);
        var edited = new RgbImage(width, height, Enumerable.Repeat((byte)255, width * height * 3).ToArray());
        var editable = new byte[width * height];
        editable[(centre * width) + 2048] = 255;

        var merged = EditMaskCanvas.Merge(original, edited, new EditMask(width, height, editable));

        var reach = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 2048 - 60; x <= 2048 + 60; x++)
            {
                if (merged.Pixels[((y * width) + x) * 3] != 0) reach = Math.Max(reach, Math.Max(Math.Abs(x - 2048), Math.Abs(y - centre)));
            }
        }
        Assert.InRange(reach, EditMaskCanvas.MergeReach + 1, EditMaskCanvas.MergeReachFor(width, height));
    }
}
