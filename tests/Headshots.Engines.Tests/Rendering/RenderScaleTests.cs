using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Tests.Rendering;

public sealed class RenderScaleTests
{
    [Fact]
    public void For_FrameWiderThanDelivered_RendersAtTheDeliveredSize() =>
        Assert.Equal((3580, 4475), RenderScale.For(AspectRatio.Portrait4x5, 5000, 3.0));

    [Fact]
    public void For_FrameWithinTheResizeFactor_RendersOnePixelPerPhotoPixelAtTheAspect()
    {
        var (width, height) = RenderScale.For(AspectRatio.Portrait4x5, 1400.6, 3.0);

        Assert.Equal(1400, width);
        Assert.Equal(1750, height);
    }

    [Fact]
    public void For_FrameTooSmallForAResize_RendersTheCandidateSizeForEsrgan() =>
        Assert.Equal(ClassicalHeadshotComposer.OutputSize(AspectRatio.Square), RenderScale.For(AspectRatio.Square, 1000, 3.0));

    [Fact]
    public void Enlargement_CandidateOfPortrait_IsTheLargerAxisFactor() =>
        Assert.Equal(4475 / 1020.0, RenderScale.Enlargement(AspectRatio.Portrait4x5, 816, 1020), 6);
}
