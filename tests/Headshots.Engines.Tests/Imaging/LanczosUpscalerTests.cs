using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>The slow ones (16 MP each): one upscale per aspect ratio and nothing else.</summary>
public sealed class LanczosUpscalerTests
{
    public static TheoryData<string> Aspects => [.. AspectRatio.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Aspects))]
    public void Upscale_Candidate_DeliversExactSizeCleanSrgbJpegsAndSmallerCopies(string aspectName)
    {
        var aspect = AspectRatio.Find(aspectName)!;
        // A candidate a pixel off the composer's size (as another engine may make it), carrying location data.
        var (width, height) = ClassicalHeadshotComposer.OutputSize(aspect);
        width -= 1;
        var candidate = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.Jpeg, image =>
        {
            image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(22, 1), new Rational(1234, 100)]);
            exif.SetValue(ExifTag.SerialNumber, "BODYSERIAL-7731");
            image.SetProfile(exif);
        });

        var delivered = new LanczosUpscaler().Upscale(candidate, aspect, CancellationToken.None);

        Assert.Equal((aspect.DeliveredWidth, aspect.DeliveredHeight), (delivered.Width, delivered.Height));
        Assert.True((long)delivered.Width * delivered.Height >= 16_000_000);
        using (var full = TestPhotos.Ping(delivered.Full))
        {
            Assert.Equal(((uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight), (full.Width, full.Height));
            Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB, 8u), (full.Format, full.ColorSpace, full.Depth));
            // Only the sRGB colour profile: no EXIF, XMP or IPTC survives.
            Assert.Equal(["icc"], full.ProfileNames);
            Assert.Equal("sRGB", full.GetColorProfile()?.ColorSpace.ToString());
            Assert.Null(full.GetExifProfile());
            Assert.False(TestPhotos.Contains(delivered.Full, "BODYSERIAL-7731"));
            Assert.Equal(Interlace.NoInterlace, full.Interlace);
        }
        AssertCopy(delivered.Web, LanczosUpscaler.WebLongEdge, aspect);
        AssertCopy(delivered.Thumbnail, LanczosUpscaler.ThumbnailLongEdge, aspect);
        // Enlarging must not change what the photo looks like.
        Assert.InRange(Pixels.Difference(candidate, delivered.Thumbnail), 0, 4);
    }

    static void AssertCopy(byte[] jpeg, uint longEdge, AspectRatio aspect)
    {
        using var copy = TestPhotos.Ping(jpeg);
        Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB), (copy.Format, copy.ColorSpace));
        Assert.Equal(longEdge, Math.Max(copy.Width, copy.Height));
        var exactWidth = copy.Height * (double)aspect.Width / aspect.Height;
        Assert.InRange(copy.Width, exactWidth - 1, exactWidth + 1);
        Assert.Equal(["icc"], copy.ProfileNames);
    }
}
