using System.Diagnostics;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class MagickPhotoNormaliserRejectionTests
{
    static readonly PhotoLimits Limits = new();
    readonly MagickPhotoNormaliser normaliser = new();

    [Fact]
    public void Normalise_EmptyFile_RejectsAsEmpty()
    {
        var e = Reject([]);

        Assert.Equal("empty_file", e.Code);
    }

    public static TheoryData<string, string, string> NotPhotos => new()
    {
        { "text", "unsupported_format", "text file" },
        { "zip", "unsupported_format", "ZIP archive" },
        { "svg", "unsupported_format", "SVG drawing" },
        { "pdf", "unsupported_format", "PDF document" },
        { "video", "unsupported_format", "video" },
        { "gif", "unsupported_format", "GIF image" },
        { "tiff", "unsupported_format", "TIFF image" },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public void Normalise_FileThatIsNotAPhoto_RejectsSayingWhatItIs(string kind, string code, string description)
    {
        var upload = kind switch
        {
            "text" => HostileFiles.Text,
            "zip" => HostileFiles.ZipOf(SamplePhotos.GraceHopper),
            "svg" => HostileFiles.Svg,
            "pdf" => HostileFiles.Pdf,
            "video" => HostileFiles.Mp4Video(),
            "gif" => TestPhotos.Encode(SamplePhotos.Astronaut, MagickFormat.Gif),
            "tiff" => TestPhotos.Encode(SamplePhotos.Astronaut, MagickFormat.Tiff),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var e = Reject(upload);

        Assert.Equal(code, e.Code);
        Assert.Contains(description, e.Reason, StringComparison.Ordinal);
        Assert.Contains("JPEG", e.Tip, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_TruncatedJpeg_RejectsAsTruncated()
    {
        var upload = SamplePhotos.GraceHopper[..(SamplePhotos.GraceHopper.Length / 2)];

        var e = Reject(upload);

        Assert.Equal("corrupt", e.Code);
        Assert.Contains("again", e.Tip, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_TruncatedJpegWithCompleteThumbnail_RejectsAsTruncated()
    {
        var thumbnail = TestPhotos.Resized(SamplePhotos.GraceHopper, 64, 75);
        var upload = HostileFiles.TruncatedJpegWithThumbnail(SamplePhotos.GraceHopper, thumbnail);

        Assert.Equal("corrupt", Reject(upload).Code);
    }

    [Fact]
    public void Normalise_TruncatedPng_IsRejected()
    {
        var png = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.Png);

        var e = Reject(png[..(png.Length / 2)]);

        Assert.Equal("corrupt", e.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Normalise_PngDeclaring50000By50000_RejectsQuicklyAsTooManyPixels(bool withPixelData)
    {
        var bomb = HostileFiles.PngBomb(50_000, 50_000, withPixelData);
        var clock = Stopwatch.StartNew();

        var e = Reject(bomb);

        clock.Stop();
        Assert.Equal("too_many_pixels", e.Code);
        Assert.Contains("50000 × 50000", e.Reason, StringComparison.Ordinal);
        // Allocating and filling the declared 7.5 GB would take far longer than this.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.Elapsed}.");
    }

    [Fact]
    public void Normalise_JpegDeclaring65000By65000_RejectsQuicklyAsTooManyPixels()
    {
        var bomb = HostileFiles.JpegClaimingSize(SamplePhotos.GraceHopper, 65_000, 65_000);
        var clock = Stopwatch.StartNew();

        var e = Reject(bomb);

        clock.Stop();
        Assert.Equal("too_many_pixels", e.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.Elapsed}.");
    }

    [Fact]
    public void Normalise_PhotoOverThePixelLimit_RejectsAsTooManyPixels()
    {
        var e = Reject(SamplePhotos.GraceHopper, Limits with { MaxPixels = 300_000 });

        Assert.Equal("too_many_pixels", e.Code);
    }

    [Fact]
    public void Normalise_FileOverTheByteLimit_RejectsAsTooLarge()
    {
        var e = Reject(SamplePhotos.GraceHopper, Limits with { MaxBytes = 10 * 1024 });

        Assert.Equal("too_large", e.Code);
        Assert.Contains("MB", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_TinyPhoto_RejectsAsTooSmallWithATip()
    {
        var upload = TestPhotos.Resized(SamplePhotos.GraceHopper, 256, 300);

        var e = Reject(upload);

        Assert.Equal("too_small", e.Code);
        Assert.Contains("256 × 300", e.Reason, StringComparison.Ordinal);
        Assert.Contains("original photo", e.Tip, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_DecodeSlowerThanTheLimit_RejectsAsTooComplex()
    {
        var upload = TestPhotos.Resized(SamplePhotos.GraceHopper, 3000, 3500, MagickFormat.Png);

        var e = Reject(upload, Limits with { DecodeTimeout = TimeSpan.FromMilliseconds(1) });

        Assert.Equal("too_complex", e.Code);
    }

    PhotoRejectedException Reject(byte[] upload, PhotoLimits? limits = null)
    {
        var e = Assert.Throws<PhotoRejectedException>(() => normaliser.Normalise(upload, limits ?? Limits, CancellationToken.None));
        // Every rejection is shown to a person: whole sentences, nothing from a decoder's error log.
        Assert.EndsWith(".", e.Reason, StringComparison.Ordinal);
        Assert.EndsWith(".", e.Tip, StringComparison.Ordinal);
        Assert.DoesNotContain("@", e.Reason + e.Tip, StringComparison.Ordinal);
        Assert.DoesNotContain("Magick", e.Reason + e.Tip, StringComparison.OrdinalIgnoreCase);
        return e;
    }
}
