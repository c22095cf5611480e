using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Diffusion.Pipeline;

public sealed class KeepMaskTests
{
    [Fact]
    public void Feathered_HardSquare_OneInsideZeroFarOutsideAndFallingAcrossTheEdge()
    {
        const int size = 40;
        var kept = new byte[size * size];
        for (var y = 10; y < 30; y++)
        {
            for (var x = 10; x < 30; x++) kept[(y * size) + x] = 255;
        }

        var mask = KeepMask.Feathered(kept, size, size, feather: 4);

        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] != 0) Assert.Equal(1f, mask.Keep[i]);
        }

        Assert.Equal(0f, mask[2, 20]);
        Assert.Equal(0f, mask[37, 20]);
        // Leaving the square to the right: strictly between 0 and 1 next to it, falling outward.
        Assert.InRange(mask[30, 20], 0.01f, 0.99f);
        Assert.True(mask[30, 20] > mask[32, 20], $"{mask[30, 20]} then {mask[32, 20]}");
    }

    [Fact]
    public void Ellipse_CentreAndRadii_KeptInsideAndNotBeyondTheFeather()
    {
        var mask = KeepMask.Ellipse(100, 80, 0.5, 0.4, 0.2, 0.25);

        // Centre (50, 32); radii 20 and 20 pixels; feather 80 / 64 → 2 pixels.
        Assert.Equal(1f, mask[50, 32]);
        Assert.Equal(1f, mask[69, 32]);
        Assert.Equal(0f, mask[74, 32]);
        Assert.Equal(0f, mask[50, 56]);
        Assert.Equal(0f, mask[0, 0]);
    }

    [Fact]
    public void ToPaintMask_FeatheredEdge_PaintedAndOnlyTheFullyKeptSpared()
    {
        var mask = new KeepMask(4, 1, [1f, 0.6f, 0.1f, 0f]);

        Assert.Equal([0f, 1f, 1f, 1f], mask.ToPaintMask());
    }

    [Fact]
    public void For_RealPortrait_KeepsTheFaceAndHairAndPaintsTheShouldersAndCorners()
    {
        var image = ImagePlanes.Cover(RgbImage.Decode(SamplePhotos.GraceHopper, 512), 256, 296);
        var faces = FaceAnalyser.On(TestModels.Models);
        var source = new FaceHairKeepMask(faces, new SelfieSegmenter(TestModels.Models));
        var landmarks = faces.Analyse(image).Main!.Landmarks;

        var mask = source.For(image, CancellationToken.None);

        Assert.Equal((256, 296), (mask.Width, mask.Height));
        foreach (var point in new[] { landmarks.NoseTip, landmarks.RightEyeCentre, landmarks.LeftEyeCentre, landmarks[FaceRegions.MouthLeftCorner] })
        {
            Assert.Equal(1f, mask[(int)point.X, (int)point.Y]);
        }

        // Above the forehead is hair (or the top of the head) and kept; the uniform, the corners are painted.
        var forehead = landmarks[FaceRegions.ForeheadTop];
        var hairline = (int)(forehead.Y - ((landmarks[FaceRegions.Chin].Y - forehead.Y) * 0.1f));
        Assert.Equal(1f, mask[(int)forehead.X, hairline]);
        Assert.Equal(0f, mask[2, 2]);
        Assert.Equal(0f, mask[253, 2]);
        Assert.Equal(0f, mask[128, 290]);
        Assert.InRange(mask.KeptShare, 0.08, 0.6);
    }

    [Fact]
    public void For_NoFace_ThrowsNoFaceToKeep()
    {
        var image = RgbImage.Decode(SamplePhotos.Coffee, 256);
        var source = new FaceHairKeepMask(FaceAnalyser.On(TestModels.Models), new SelfieSegmenter(TestModels.Models));

        Assert.Throws<NoFaceToKeepException>(() => source.For(image, CancellationToken.None));
    }
}
