using System.Drawing;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Looks;

public sealed class ModelHeadshotComposerTests
{
    public static TheoryData<string, string> Cases => ComposedCandidates.EveryLookOfBothPortraits();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_EachLook_IsExactlyTheOutputSizeOfItsAspect(string portrait, string lookId)
    {
        var look = LookCatalog.Find(lookId)!;

        var candidate = ComposedCandidates.Of(Portrait.Named(portrait), look);

        var pixels = Pixels.Of(candidate.Jpeg);
        Assert.Equal(ClassicalHeadshotComposer.OutputSize(look.Aspect), (pixels.Width, pixels.Height));
        Assert.Equal((candidate.Width, candidate.Height), (pixels.Width, pixels.Height));
        Assert.True(TestPhotos.IsThreeChannelSrgb(candidate.Jpeg));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_EachLook_PutsTheEyesAboutOneThirdFromTheTop(string portrait, string lookId)
    {
        var candidate = ComposedCandidates.Of(Portrait.Named(portrait), LookCatalog.Find(lookId)!);

        var face = ComposedCandidates.AnalysisOf(Portrait.Named(portrait), LookCatalog.Find(lookId)!).Main;

        Assert.NotNull(face);
        var eyes = (face.Landmarks.RightEyeCentre + face.Landmarks.LeftEyeCentre) / 2;
        Assert.InRange(eyes.Y / candidate.Height, 0.29, 0.38);
        Assert.InRange(eyes.X / candidate.Width, 0.4, 0.6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_EachLook_KeepsThePersonRecognisable(string portrait, string lookId)
    {
        var source = Portrait.Named(portrait);
        var look = LookCatalog.Find(lookId)!;

        var before = ComposedCandidates.AnalysisOf(source).Main!.Embedding!;
        var after = ComposedCandidates.AnalysisOf(source, look).Main!.Embedding!;

        // dlib's same-person threshold is 0.6; a composed headshot should be far inside it (measured 0.06–0.21).
        var distance = after.DistanceTo(before);
        Assert.True(distance < 0.35, $"identity distance {distance:0.000} for {portrait} in {lookId}");
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Compose_CorporateGrey_BackgroundIsLowSaturationMidGrey(string portrait)
    {
        var pixels = Pixels.Of(ComposedCandidates.Of(Portrait.Named(portrait), LookCatalog.CorporateGrey).Jpeg);

        foreach (var corner in TopCorners(pixels))
        {
            Assert.InRange(Regions.Saturation(pixels, corner), 0, 12);
            Assert.InRange(Regions.Luma(pixels, corner), 80, 170);
        }
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Compose_DarkStudio_BackgroundIsCharcoalToBlack(string portrait)
    {
        var pixels = Pixels.Of(ComposedCandidates.Of(Portrait.Named(portrait), LookCatalog.DarkStudio).Jpeg);

        Assert.All(TopCorners(pixels), corner => Assert.InRange(Regions.Luma(pixels, corner), 0, 50));
        Assert.All(TopCorners(pixels), corner => Assert.InRange(Regions.Saturation(pixels, corner), 0, 10));
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Compose_BrightOffice_BackgroundIsBrightAndWarm(string portrait)
    {
        var pixels = Pixels.Of(ComposedCandidates.Of(Portrait.Named(portrait), LookCatalog.BrightOffice).Jpeg);

        foreach (var corner in TopCorners(pixels))
        {
            var (r, _, b) = Regions.Mean(pixels, corner);
            Assert.InRange(Regions.Luma(pixels, corner), 170, 255);
            Assert.True(r >= b, $"bright office corner is cool: R {r:0} < B {b:0}");
        }
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Compose_OutdoorNatural_BackgroundIsGreenery(string portrait)
    {
        var pixels = Pixels.Of(ComposedCandidates.Of(Portrait.Named(portrait), LookCatalog.OutdoorNatural).Jpeg);

        foreach (var side in SideStrips(pixels))
        {
            var (r, g, b) = Regions.Mean(pixels, side);
            Assert.True(g > r && g > b + 10, $"outdoor background is not green: {r:0}/{g:0}/{b:0}");
        }
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Compose_BwEditorial_IsBlackAndWhiteWithAMidDarkBackdrop(string portrait)
    {
        var pixels = Pixels.Of(ComposedCandidates.Of(Portrait.Named(portrait), LookCatalog.BwEditorial).Jpeg);

        Assert.InRange(pixels.MaxChannelSpread(), 0, 6);
        Assert.All(TopCorners(pixels), corner => Assert.InRange(Regions.Luma(pixels, corner), 20, 120));
    }

    [Fact]
    public void Compose_DifferentVariants_GiveVisiblyDifferentFrames()
    {
        var variants = Enumerable.Range(0, 4).Select(v => ComposedCandidates.Of(Portrait.GraceHopper, LookCatalog.CorporateGrey, v).Jpeg).ToList();

        for (var a = 0; a < variants.Count; a++)
        {
            for (var b = a + 1; b < variants.Count; b++)
            {
                var difference = Pixels.Difference(variants[a], variants[b]);
                Assert.True(difference > 3, $"Variants {a} and {b} differ by only {difference:0.0} levels.");
            }
        }
    }

    [Fact]
    public void Compose_SameInputTwice_GivesTheSameBytes()
    {
        var first = ComposedCandidates.Composer.Compose(SamplePhotos.Astronaut, LookCatalog.BrightOffice, 2, CancellationToken.None);
        var second = ComposedCandidates.Composer.Compose(SamplePhotos.Astronaut, LookCatalog.BrightOffice, 2, CancellationToken.None);

        Assert.Equal(first.Jpeg, second.Jpeg);
    }

    [Fact]
    public void Compose_PhotoWithoutAFace_FallsBackToTheClassicalCrop()
    {
        var coffee = TestPhotos.Encode(SamplePhotos.Coffee, MagickFormat.Jpeg);

        var candidate = ComposedCandidates.Composer.Compose(coffee, LookCatalog.CorporateGrey, 1, CancellationToken.None);

        var classical = new ClassicalHeadshotComposer().Compose(coffee, LookCatalog.CorporateGrey, 1, CancellationToken.None);
        Assert.Equal(classical.Jpeg, candidate.Jpeg);
    }

    /// <summary>The top corners of a head-and-shoulders frame: always backdrop, clear of hair and shoulders.</summary>
    static Rectangle[] TopCorners(Pixels p) =>
        [new(0, 0, p.Width * 15 / 100, p.Height / 5), new(p.Width * 85 / 100, 0, p.Width * 15 / 100, p.Height / 5)];

    /// <summary>Beside the head down to the shoulders: the scenic backdrops' colour is in the middle, not the corners.</summary>
    static Rectangle[] SideStrips(Pixels p) =>
        [new(0, p.Height / 10, p.Width / 10, p.Height * 3 / 10), new(p.Width * 9 / 10, p.Height / 10, p.Width / 10, p.Height * 3 / 10)];
}
