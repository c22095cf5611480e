using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class ClassicalFaceEnhancerTests
{
    [Fact]
    public void Enhance_Headshot_KeepsSizeAndLikenessAndAddsCrispness()
    {
        var headshot = new ClassicalHeadshotComposer().Compose(SamplePhotos.GraceHopper, LookCatalog.BrightOffice, 0, CancellationToken.None);

        var enhanced = new ClassicalFaceEnhancer().Enhance(headshot.Jpeg, Headshots.Engines.Retouch.RetouchSettings.Natural, CancellationToken.None);

        Assert.Equal((headshot.Width, headshot.Height), (enhanced.Width, enhanced.Height));
        using (var output = TestPhotos.Ping(enhanced.Jpeg)) Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB), (output.Format, output.ColorSpace));
        var change = Pixels.Of(headshot.Jpeg).MeanAbsoluteDifference(Pixels.Of(enhanced.Jpeg));
        Assert.InRange(change, 0.5, 6);
        Assert.True(enhanced.Measurements.Sharpness > headshot.Measurements.Sharpness);
        Assert.Equal(headshot.Measurements.MeanLuma, enhanced.Measurements.MeanLuma, 3.0);
    }
}
