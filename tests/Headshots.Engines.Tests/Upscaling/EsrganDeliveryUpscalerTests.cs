using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Engines.Upscaling;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Upscaling;

/// <summary>The ESRGAN engine behind <see cref="IUpscaler"/>: one 16 MP delivery, checked like the Lanczos one.</summary>
public sealed class EsrganDeliveryUpscalerTests
{
    [Fact]
    public void Upscale_SquareCandidate_DeliversExactSizeCleanJpegsAndSmallerCopies()
    {
        var aspect = AspectRatio.Square;
        var (width, height) = ClassicalHeadshotComposer.OutputSize(aspect);
        var candidate = TestPhotos.Resized(SamplePhotos.GraceHopper, (uint)width, (uint)height);
        IUpscaler upscaler = new EsrganDeliveryUpscaler(EsrganModel.Upscaler());

        var delivered = upscaler.Upscale(candidate, aspect, webP: false, CancellationToken.None);

        Assert.Equal((aspect.DeliveredWidth, aspect.DeliveredHeight), (delivered.Width, delivered.Height));
        using (var full = TestPhotos.Ping(delivered.Full))
        {
            Assert.Equal(((uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight), (full.Width, full.Height));
            Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB, 8u), (full.Format, full.ColorSpace, full.Depth));
            Assert.Equal(["icc"], full.ProfileNames);
        }

        using (var web = TestPhotos.Ping(delivered.Web)) Assert.Equal(LanczosUpscaler.WebLongEdge, Math.Max(web.Width, web.Height));
        using (var thumbnail = TestPhotos.Ping(delivered.Thumbnail)) Assert.Equal(LanczosUpscaler.ThumbnailLongEdge, Math.Max(thumbnail.Width, thumbnail.Height));
        Assert.InRange(Pixels.Difference(candidate, delivered.Thumbnail), 0, 4);
    }
}
