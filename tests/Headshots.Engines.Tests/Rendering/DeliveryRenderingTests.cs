using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Retouch;
using Headshots.Engines.Tests.Looks;
using Headshots.Engines.Tests.Support;
using Headshots.Engines.Upscaling;
using Headshots.Jobs.Looks;
using ImageMagick;
using Xunit.Abstractions;

namespace Headshots.Engines.Tests.Rendering;

/// <summary>
/// A selected headshot delivered at 16 MP, retouched and enlarged as the worker does: rendered again from a 12 MP
/// photo's own pixels it keeps a weave on the clothing that the 1024 px candidate enlarged by ESRGAN loses; from a
/// 1 MP photo it still comes through ESRGAN.
/// </summary>
public sealed class DeliveryRenderingTests(ITestOutputHelper output)
{
    const double LanczosUpTo = 3.0;

    /// <summary>The weave's correlation the delivered image must reach: measured 0.87 rendered from the photo, 0.07 by the legacy path (docs/rendering.md).</summary>
    const double KeepsWeave = 0.3;

    static readonly LandmarkFaceEnhancer Enhancer = new(ComposedCandidates.Faces);

    [Fact]
    public void Deliver_TwelveMegapixelPhotoWithWovenClothing_KeepsTheWeaveTheLegacyPathLoses()
    {
        var photo = WeaveChart.OnClothing(Resized(SamplePhotos.Astronaut, 3464));
        var look = LookCatalog.CorporateGrey;

        var native = ComposedCandidates.Composer.RenderForDelivery(RgbImage.Decode(photo, int.MaxValue), look, 0, LanczosUpTo, CancellationToken.None).ToCandidate();
        var nativeDelivered = Deliver(native, look, new DeliveryUpscaler(new EsrganDeliveryUpscaler(EsrganModel.Upscaler()), LanczosUpTo));
        var legacy = ComposedCandidates.Composer.Compose(photo, look, 0, CancellationToken.None);
        var legacyDelivered = Deliver(legacy, look, new EsrganDeliveryUpscaler(EsrganModel.Upscaler()));

        Assert.NotNull(native.Source);
        var period = WeaveChart.Period * look.Aspect.DeliveredWidth / native.Source.FrameWidth;
        var kept = WeaveChart.Correlation(RgbImage.Decode(nativeDelivered.Full, WeaveChart.FullSize), period);
        var lost = WeaveChart.Correlation(RgbImage.Decode(legacyDelivered.Full, WeaveChart.FullSize), period);
        output.WriteLine($"rendered {native.Width}×{native.Height} from a {native.Source.Pixels / 1e6:0.0} MP crop; weave period {period:0.00} px delivered; " +
            $"correlation native {kept:0.000}, legacy {lost:0.000}; enlargement {nativeDelivered.Enlargement}");

        Assert.Equal((look.Aspect.DeliveredWidth, look.Aspect.DeliveredHeight), (nativeDelivered.Width, nativeDelivered.Height));
        Assert.True(native.Width > legacy.Width, $"rendered at {native.Width} px wide, no more than the {legacy.Width} px candidate");
        Assert.True(kept >= KeepsWeave, $"the delivered image keeps the weave only to {kept:0.000} (at least {KeepsWeave} expected)");
        Assert.True(lost < KeepsWeave, $"the legacy path keeps the weave to {lost:0.000}: the test photo does not tell the paths apart");
    }

    [Fact]
    public void Deliver_OneMegapixelPhoto_StillReachesSixteenMegapixelsThroughEsrgan()
    {
        var photo = Resized(SamplePhotos.Astronaut, 1000);
        var look = LookCatalog.CorporateGrey;

        var rendered = ComposedCandidates.Composer.RenderForDelivery(RgbImage.Decode(photo, int.MaxValue), look, 0, LanczosUpTo, CancellationToken.None).ToCandidate();
        var delivered = Deliver(rendered, look, new DeliveryUpscaler(new EsrganDeliveryUpscaler(EsrganModel.Upscaler()), LanczosUpTo));

        Assert.Equal(ClassicalHeadshotComposer.OutputSize(look.Aspect), (rendered.Width, rendered.Height));
        Assert.Equal((look.Aspect.DeliveredWidth, look.Aspect.DeliveredHeight), (delivered.Width, delivered.Height));
        Assert.Equal(Enlargements.Esrgan, delivered.Enlargement);
        Assert.True(rendered.Source!.Pixels < rendered.Width * rendered.Height, $"a {rendered.Source.Pixels} pixel crop reported for a 1 MP photo");
    }

    static DeliveredImage Deliver(Candidate candidate, LookPreset look, IUpscaler upscaler)
    {
        var retouched = Enhancer.Enhance(candidate.Jpeg, RetouchSettings.Natural, CancellationToken.None);
        Assert.Equal((candidate.Width, candidate.Height), (retouched.Width, retouched.Height));
        return upscaler.Upscale(retouched.Jpeg, look.Aspect, webP: false, CancellationToken.None);
    }

    /// <summary>The portrait enlarged to <paramref name="edge"/> px square: its fine detail is whatever is woven in after.</summary>
    static byte[] Resized(byte[] portrait, int edge)
    {
        using var image = new MagickImage(portrait);
        image.Alpha(AlphaAction.Remove);
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)edge, (uint)edge) { IgnoreAspectRatio = true });
        return JpegEncoder.Encode(image, 92);
    }
}
