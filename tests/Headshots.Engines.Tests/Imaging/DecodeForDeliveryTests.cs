using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>The upload read again for a delivery render: its own pixels, upright and sRGB, with the intake's checks.</summary>
public sealed class DecodeForDeliveryTests
{
    static readonly PhotoLimits Limits = new();
    readonly MagickPhotoNormaliser normaliser = new();

    [Fact]
    public void DecodeForDelivery_PhotoLargerThanTheWorkingCopy_KeepsEveryPixel()
    {
        var upload = TestPhotos.Resized(SamplePhotos.GraceHopper, 2560, 3000);

        var photo = normaliser.DecodeForDelivery(upload, Limits, 6000, CancellationToken.None);
        var working = normaliser.Normalise(upload, Limits, CancellationToken.None);

        Assert.Equal((2560, 3000), (photo.Width, photo.Height));
        Assert.True(working.Width < photo.Width, $"the working copy is {working.Width} px wide, the delivery decode {photo.Width}");
        using var reference = new MagickImage(upload);
        var expected = RgbImage.FromMagick(reference).Pixels;
        Assert.InRange(photo.Pixels.Zip(expected, (a, b) => Math.Abs(a - b)).Average(), 0, 1);
    }

    [Fact]
    public void DecodeForDelivery_PhotoLargerThanTheBound_IsReducedToIt()
    {
        var photo = normaliser.DecodeForDelivery(SamplePhotos.GraceHopper, Limits, 300, CancellationToken.None);

        Assert.Equal((256, 300), (photo.Width, photo.Height));
    }

    [Fact]
    public void DecodeForDelivery_JpegWithExifOrientation6_IsTurnedUpright()
    {
        using var stored = new MagickImage(SamplePhotos.GraceHopper);
        stored.Rotate(-90);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        stored.SetProfile(exif);
        stored.Orientation = Orientation.RightTop;
        var upload = stored.ToByteArray(MagickFormat.Jpeg);

        var photo = normaliser.DecodeForDelivery(upload, Limits, 6000, CancellationToken.None);

        Assert.Equal((512, 600), (photo.Width, photo.Height));
    }

    [Fact]
    public void DecodeForDelivery_NotAPhoto_RejectedAsAtIntake()
    {
        var text = "just some text, not a photo"u8.ToArray();

        var error = Assert.Throws<PhotoRejectedException>(() => normaliser.DecodeForDelivery(text, Limits, 6000, CancellationToken.None));

        var atIntake = Assert.Throws<PhotoRejectedException>(() => normaliser.Normalise(text, Limits, CancellationToken.None));
        Assert.Equal((atIntake.Code, atIntake.Reason), (error.Code, error.Reason));
    }

    [Fact]
    public void DecodeForDelivery_TruncatedJpeg_RejectedAsTruncated()
    {
        var whole = TestPhotos.Resized(SamplePhotos.GraceHopper, 512, 600);

        var error = Assert.Throws<PhotoRejectedException>(() => normaliser.DecodeForDelivery(whole[..(whole.Length / 2)], Limits, 6000, CancellationToken.None));

        Assert.Equal("corrupt", error.Code);
        Assert.Contains("its end is missing", error.Reason, StringComparison.Ordinal);
    }
}
