using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class MagickPhotoNormaliserTests
{
    static readonly PhotoLimits Limits = new();
    readonly MagickPhotoNormaliser normaliser = new();

    [Theory]
    [InlineData(MagickFormat.Png, "PNG")]
    [InlineData(MagickFormat.Jpeg, "JPEG")]
    [InlineData(MagickFormat.WebP, "WebP")]
    [InlineData(MagickFormat.Avif, "AVIF")]
    public void Normalise_PhotoInSupportedFormat_ReturnsSameLookingSrgbJpeg(MagickFormat format, string expectedFormat)
    {
        var upload = TestPhotos.Encode(SamplePhotos.Astronaut, format);

        var photo = normaliser.Normalise(upload, Limits, CancellationToken.None);

        Assert.Equal(expectedFormat, photo.SourceFormat);
        Assert.Equal((512, 512), (photo.Width, photo.Height));
        Assert.Equal((512, 512), (photo.SourceWidth, photo.SourceHeight));
        using var output = TestPhotos.Ping(photo.Jpeg);
        Assert.Equal(MagickFormat.Jpeg, output.Format);
        Assert.Equal(ColorSpace.sRGB, output.ColorSpace);
        Assert.Equal((512u, 512u), (output.Width, output.Height));
        // Lossy formats shift pixels a little; a wrong decode or colour conversion shifts them a lot.
        Assert.InRange(Pixels.Of(photo.Jpeg).MeanAbsoluteDifference(Pixels.Of(SamplePhotos.Astronaut)), 0, 6);
    }

    [Fact]
    public void Normalise_PhotoLargerThanWorkingSize_IsShrunkToTheLongEdge()
    {
        var photo = normaliser.Normalise(SamplePhotos.GraceHopper, Limits with { NormalisedLongEdge = 450 }, CancellationToken.None);

        Assert.Equal((384, 450), (photo.Width, photo.Height));
        Assert.Equal((512, 600), (photo.SourceWidth, photo.SourceHeight));
        using var output = TestPhotos.Ping(photo.Jpeg);
        Assert.Equal((384u, 450u), (output.Width, output.Height));
    }

    [Fact]
    public void Normalise_JpegOverTwiceTheWorkingSize_IsDecodedAtHalfSizeWithTheSameLook()
    {
        // 600×512 pixels, working size 380: the JPEG decoder's own half-size decode gives 300×256 (≥ ¾ of 380).
        var photo = normaliser.Normalise(SamplePhotos.GraceHopper, Limits with { NormalisedLongEdge = 380, MinShortEdge = 100 }, CancellationToken.None);

        Assert.Equal((256, 300), (photo.Width, photo.Height));
        Assert.Equal((512, 600), (photo.SourceWidth, photo.SourceHeight));
        Assert.InRange(Pixels.Difference(photo.Jpeg, SamplePhotos.GraceHopper), 0, 6);
        Assert.Equal((256, 300), (photo.Preview?.Width, photo.Preview?.Height));
    }

    [Fact]
    public void Normalise_PhotoSmallerThanWorkingSize_IsNotEnlarged()
    {
        var photo = normaliser.Normalise(SamplePhotos.GraceHopper, Limits with { NormalisedLongEdge = 4096 }, CancellationToken.None);

        Assert.Equal((512, 600), (photo.Width, photo.Height));
    }

    [Fact]
    public void Normalise_JpegWithExifOrientation6_IsTurnedUpright()
    {
        // Phones store a portrait shot as landscape pixels plus "rotate 90° clockwise to display".
        using var stored = new MagickImage(SamplePhotos.GraceHopper);
        stored.Rotate(-90);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        stored.SetProfile(exif);
        // ImageMagick rewrites the EXIF tag from this when it saves.
        stored.Orientation = Orientation.RightTop;
        var upload = stored.ToByteArray(MagickFormat.Jpeg);
        using (var check = TestPhotos.Ping(upload))
        {
            Assert.Equal((600u, 512u), (check.Width, check.Height));
            Assert.Equal((ushort)6, check.GetExifProfile()?.GetValue(ExifTag.Orientation)?.Value);
        }

        var photo = normaliser.Normalise(upload, Limits, CancellationToken.None);

        Assert.Equal((512, 600), (photo.Width, photo.Height));
        Assert.InRange(Pixels.Of(photo.Jpeg).MeanAbsoluteDifference(Pixels.Of(SamplePhotos.GraceHopper)), 0, 6);
        using var output = TestPhotos.Ping(photo.Jpeg);
        Assert.Null(output.GetExifProfile());
    }

    [Fact]
    public void Normalise_PhotoWithLocationAndCameraDetails_KeepsNoneOfThem()
    {
        using var image = new MagickImage(SamplePhotos.GraceHopper);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(22, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(4, 1), new Rational(53, 1), new Rational(5678, 100)]);
        exif.SetValue(ExifTag.SerialNumber, "BODYSERIAL-7731");
        exif.SetValue(ExifTag.Make, "ExampleCam");
        exif.SetValue(ExifTag.Model, "ExampleCam Z9 MODELNAME-55");
        image.SetProfile(exif);
        image.SetProfile(new XmpProfile("""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XMPCREATOR-Jane</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"""u8.ToArray()));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Byline, "IPTCBYLINE-Jane");
        image.SetProfile(iptc);
        image.Comment = "COMMENT-home-address";
        var upload = image.ToByteArray(MagickFormat.Jpeg);
        string[] secrets = ["BODYSERIAL-7731", "MODELNAME-55", "XMPCREATOR-Jane", "IPTCBYLINE-Jane", "COMMENT-home-address"];
        Assert.All(secrets, s => Assert.True(TestPhotos.Contains(upload, s), $"The upload should carry {s}."));
        using (var check = TestPhotos.Ping(upload)) Assert.NotNull(check.GetExifProfile()?.GetValue(ExifTag.GPSLatitude));

        var photo = normaliser.Normalise(upload, Limits, CancellationToken.None);

        Assert.All(secrets, s => Assert.False(TestPhotos.Contains(photo.Jpeg, s), $"The working copy still carries {s}."));
        using var output = TestPhotos.Ping(photo.Jpeg);
        Assert.Null(output.GetExifProfile());
        Assert.Null(output.GetXmpProfile());
        Assert.Null(output.GetIptcProfile());
        Assert.Null(output.Comment);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Normalise_CmykJpeg_KeepsItsColoursInSrgb(bool embeddedProfile)
    {
        using var cmyk = new MagickImage(SamplePhotos.GraceHopper);
        cmyk.TransformColorSpace(ColorProfiles.SRGB, ColorProfiles.USWebCoatedSWOP);
        if (!embeddedProfile) cmyk.RemoveProfile("icc");
        var upload = cmyk.ToByteArray(MagickFormat.Jpeg);
        using (var check = TestPhotos.Ping(upload)) Assert.Equal(ColorSpace.CMYK, check.ColorSpace);

        var photo = normaliser.Normalise(upload, Limits, CancellationToken.None);

        Assert.True(TestPhotos.IsThreeChannelSrgb(photo.Jpeg));
        // Read without a profile, the SWOP ink values are 11 levels off on average; through it, about 3.
        Assert.InRange(Pixels.Of(photo.Jpeg).MeanAbsoluteDifference(Pixels.Of(SamplePhotos.GraceHopper)), 0, 6);
    }

    [Fact]
    public void Normalise_16BitWideGamutPng_Becomes8BitSrgbWithTheSameColours()
    {
        var upload = TestPhotos.Encode(SamplePhotos.Astronaut, MagickFormat.Png48, image =>
        {
            image.TransformColorSpace(ColorProfiles.SRGB, ColorProfiles.AdobeRGB1998);
            image.Depth = 16;
        });
        using (var check = TestPhotos.Ping(upload)) Assert.Equal((16u, "icc"), (check.Depth, check.GetColorProfile()?.Name));
        var original = Pixels.Of(SamplePhotos.Astronaut);
        // Adobe RGB values shown as if they were sRGB look washed out: that is what dropping the profile would give.
        var profileIgnored = original.MeanAbsoluteDifference(Pixels.Of(TestPhotos.Encode(upload, MagickFormat.Png, image => image.RemoveProfile("icc"))));

        var photo = normaliser.Normalise(upload, Limits, CancellationToken.None);

        using var output = TestPhotos.Ping(photo.Jpeg);
        Assert.Equal((8u, ColorSpace.sRGB), (output.Depth, output.ColorSpace));
        Assert.Null(output.GetColorProfile());
        var error = original.MeanAbsoluteDifference(Pixels.Of(photo.Jpeg));
        Assert.True(error < profileIgnored / 2, $"Off by {error:0.00} levels; ignoring the profile gives {profileIgnored:0.00}.");
    }

    [Fact]
    public void Normalise_TransparentPng_IsFlattenedOntoWhite()
    {
        var upload = TestPhotos.Encode(SamplePhotos.Astronaut, MagickFormat.Png, image =>
        {
            image.Alpha(AlphaAction.Set);
            image.Evaluate(Channels.Alpha, EvaluateOperator.Set, 0);
        });

        var photo = normaliser.Normalise(upload, Limits, CancellationToken.None);

        var mean = Pixels.Of(photo.Jpeg).Mean();
        Assert.True(mean.R > 250 && mean.G > 250 && mean.B > 250, $"Expected white, got {mean}.");
    }

    [Fact]
    public void Normalise_JpegWithVideoAfterIt_IsAccepted()
    {
        var photo = normaliser.Normalise(HostileFiles.MotionPhoto(SamplePhotos.GraceHopper), Limits, CancellationToken.None);

        Assert.Equal((512, 600), (photo.Width, photo.Height));
    }

    [Fact]
    public void Normalise_Photo_MeasuresTheWorkingCopy()
    {
        var photo = normaliser.Normalise(SamplePhotos.GraceHopper, Limits, CancellationToken.None);

        Assert.Equal(new MagickQualityMeter().Measure(photo.Jpeg).MeanLuma, photo.Measurements.MeanLuma, 0.5);
        Assert.True(photo.Measurements.Sharpness > 0);
    }

    [Fact]
    public void Normalise_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => normaliser.Normalise(SamplePhotos.GraceHopper, Limits, cancelled.Token));
    }
}
