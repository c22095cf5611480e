using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class MagickQualityMeterTests
{
    readonly MagickQualityMeter meter = new();

    [Fact]
    public void Measure_BlurredCopy_ScoresFarLowerSharpness()
    {
        var blurred = TestPhotos.Encode(SamplePhotos.Astronaut, MagickFormat.Png, image => image.GaussianBlur(0, 2.5));

        var sharp = meter.Measure(SamplePhotos.Astronaut);
        var soft = meter.Measure(blurred);

        Assert.True(soft.Sharpness < sharp.Sharpness / 3, $"Blurred {soft.Sharpness:0.0} vs original {sharp.Sharpness:0.0}.");
        Assert.Equal(sharp.MeanLuma, soft.MeanLuma, 2.0);
    }

    [Fact]
    public void Measure_DecodedPixels_AgreesWithTheMeasureThroughImageMagick()
    {
        using var magick = new MagickImage(SamplePhotos.Astronaut);
        magick.Resize(new MagickGeometry(1400, 1400));
        var pixels = RgbImage.FromMagick(magick);

        var throughMagick = MagickQualityMeter.Measure(magick);
        var fromPixels = MagickQualityMeter.Measure(pixels);

        Assert.InRange(fromPixels.Sharpness / throughMagick.Sharpness, 0.9, 1.1);
        Assert.Equal(throughMagick.MeanLuma, fromPixels.MeanLuma, 1.0);
        Assert.Equal(throughMagick.ClippedHighlights, fromPixels.ClippedHighlights, 2);
        Assert.Equal(throughMagick.CrushedShadows, fromPixels.CrushedShadows, 2);
    }

    [Fact]
    public void Measure_WhiteImage_IsAllClippedHighlights()
    {
        var m = meter.Measure(TestPhotos.Solid("#FFFFFF", 640, 480));

        Assert.Equal(1.0, m.ClippedHighlights, 3);
        Assert.Equal(0.0, m.CrushedShadows, 3);
        Assert.Equal(255.0, m.MeanLuma, 1);
        Assert.Equal(0.0, m.Sharpness, 3);
    }

    [Fact]
    public void Measure_BlackImage_IsAllCrushedShadows()
    {
        var m = meter.Measure(TestPhotos.Solid("#000000", 480, 640));

        Assert.Equal(1.0, m.CrushedShadows, 3);
        Assert.Equal(0.0, m.ClippedHighlights, 3);
        Assert.Equal(0.0, m.MeanLuma, 1);
    }

    [Fact]
    public void Measure_Photo_FindsNeitherPureWhiteNorPureBlackDominating()
    {
        var m = meter.Measure(SamplePhotos.GraceHopper);

        Assert.InRange(m.ClippedHighlights, 0, 0.05);
        Assert.InRange(m.CrushedShadows, 0, 0.05);
        Assert.InRange(m.MeanLuma, 30, 220);
    }

    [Fact]
    public void Measure_SameFileTwice_GivesIdenticalFigures()
    {
        Assert.Equal(meter.Measure(SamplePhotos.GraceHopper), meter.Measure(SamplePhotos.GraceHopper));
    }
}
