using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>The checks that run on the raw bytes before any decoder sees them.</summary>
public sealed class HeaderReadingTests
{
    [Theory]
    [InlineData(MagickFormat.Png)]
    [InlineData(MagickFormat.Jpeg)]
    [InlineData(MagickFormat.WebP)]
    [InlineData(MagickFormat.Avif)]
    public void DeclaredSize_RealPhoto_MatchesTheDecodedSize(MagickFormat format)
    {
        var photo = TestPhotos.Encode(SamplePhotos.GraceHopper, format);

        Assert.Equal((512u, 600u), DeclaredSize.Read(photo, format));
    }

    [Theory]
    [InlineData("VP8L")] // lossless
    [InlineData("VP8X")] // extended: a colour profile or transparency
    public void DeclaredSize_WebPOfEachKind_MatchesTheDecodedSize(string chunk)
    {
        var photo = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.WebP, image =>
        {
            if (chunk == "VP8L") image.Settings.SetDefine(MagickFormat.WebP, "lossless", true);
            else image.SetProfile(ColorProfiles.SRGB);
        });
        Assert.Equal(chunk, System.Text.Encoding.ASCII.GetString(photo, 12, 4));

        Assert.Equal((512u, 600u), DeclaredSize.Read(photo, MagickFormat.WebP));
    }

    [Fact]
    public void DeclaredSize_PngBombHeader_ReadsTheClaimedSize()
    {
        Assert.Equal((50_000u, 50_000u), DeclaredSize.Read(HostileFiles.PngBomb(50_000, 50_000, withPixelData: false), MagickFormat.Png));
    }

    [Fact]
    public void Detect_AvifWithGenericMajorBrand_IsAvif()
    {
        var avif = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.Avif);
        "mif1"u8.CopyTo(avif.AsSpan(8)); // some encoders lead with the generic brand and list "avif" after it
        Assert.True(avif.AsSpan(16, (int)avif[3] - 16).IndexOf("avif"u8) >= 0, "The sample AVIF should list the avif brand.");

        Assert.Equal(MagickFormat.Avif, ImageFormatSniffer.Detect(avif).Format);
    }

    [Fact]
    public void JpegMarkers_CompletePhoto_IsComplete()
    {
        Assert.True(JpegMarkers.Read(SamplePhotos.GraceHopper).IsComplete);
    }

    [Fact]
    public void JpegMarkers_PhotoFollowedByVideo_IsComplete()
    {
        Assert.True(JpegMarkers.Read(HostileFiles.MotionPhoto(SamplePhotos.GraceHopper)).IsComplete);
    }

    [Fact]
    public void JpegMarkers_TruncatedPhotoWithCompleteThumbnail_IsIncomplete()
    {
        var thumbnail = TestPhotos.Resized(SamplePhotos.GraceHopper, 64, 75);

        Assert.False(JpegMarkers.Read(HostileFiles.TruncatedJpegWithThumbnail(SamplePhotos.GraceHopper, thumbnail)).IsComplete);
    }

    [Fact]
    public void JpegMarkers_ProgressiveJpeg_IsCompleteWithItsSize()
    {
        var progressive = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.Jpeg, image => image.Settings.Interlace = Interlace.Jpeg);

        Assert.Equal(new JpegMarkers.Structure(512, 600, HasFrame: true, IsComplete: true), JpegMarkers.Read(progressive));
    }
}
