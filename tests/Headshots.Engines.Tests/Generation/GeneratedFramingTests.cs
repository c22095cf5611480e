using Headshots.Engines.Generation;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Generation;

/// <summary>A model's 2:3 or square image made a candidate of its look: the look's exact aspect, headroom kept.</summary>
public sealed class GeneratedFramingTests
{
    /// <summary>1024 × 1536 whose every row's grey level is its row number / 6: where a row came from can be read off.</summary>
    static byte[] RowRamp()
    {
        var pixels = new byte[1024 * 1536 * 3];
        for (var y = 0; y < 1536; y++) pixels.AsSpan(y * 1024 * 3, 1024 * 3).Fill((byte)(y / 6));
        using var image = new MagickImage();
        image.ReadPixels(pixels, new PixelReadSettings(1024, 1536, StorageType.Char, PixelMapping.RGB));
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    [Theory]
    [InlineData("corporate-grey", 1024, 1280)]
    [InlineData("bright-office", 1023, 1364)]
    [InlineData("bw-editorial", 1024, 1024)]
    public void Frame_PortraitAnswer_IsCutToTheLookAspectWithoutEnlarging(string look, int width, int height)
    {
        var candidate = GeneratedFraming.Frame(RowRamp(), LookCatalog.Find(look)!);

        Assert.Equal((width, height), (candidate.Width, candidate.Height));
        using var jpeg = new MagickImage(candidate.Jpeg);
        Assert.Equal(((uint)width, (uint)height), (jpeg.Width, jpeg.Height));
    }

    [Fact]
    public void Frame_TallerThanTheLook_TakesLessFromTheTopThanFromTheBottom()
    {
        var candidate = GeneratedFraming.Frame(RowRamp(), LookCatalog.CorporateGrey);

        // 256 rows go; the first row kept shows which source row it was.
        var pixels = Pixels.Of(candidate.Jpeg);
        var removedFromTop = pixels.Rgb[((2 * pixels.Width) + (pixels.Width / 2)) * 3] * 6;
        Assert.InRange(removedFromTop, 6, 127);
        Assert.Equal(MagickFormat.Jpeg, new MagickImageInfo(candidate.Jpeg).Format);
    }
}
