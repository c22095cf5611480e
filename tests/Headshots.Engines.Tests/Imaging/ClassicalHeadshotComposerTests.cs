using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

public sealed class ClassicalHeadshotComposerTests
{
    readonly ClassicalHeadshotComposer composer = new();

    public static TheoryData<string> LookIds => [.. LookCatalog.All.Select(l => l.Id)];

    [Theory]
    [MemberData(nameof(LookIds))]
    public void Compose_EachLook_IsAnSrgbJpegOfTheLooksExactAspectRatio(string lookId)
    {
        var look = LookCatalog.Find(lookId)!;

        var candidate = composer.Compose(SamplePhotos.GraceHopper, look, 0, CancellationToken.None);

        using var output = TestPhotos.Ping(candidate.Jpeg);
        Assert.Equal(MagickFormat.Jpeg, output.Format);
        Assert.Equal(((uint)candidate.Width, (uint)candidate.Height), (output.Width, output.Height));
        Assert.InRange(Math.Max(candidate.Width, candidate.Height), ClassicalHeadshotComposer.LongEdge - 8, ClassicalHeadshotComposer.LongEdge);
        Assert.Equal(look.Aspect.Width * candidate.Height, look.Aspect.Height * candidate.Width);
        Assert.True(TestPhotos.IsThreeChannelSrgb(candidate.Jpeg));
        Assert.Empty(output.ProfileNames);
        Assert.InRange(candidate.Measurements.MeanLuma, 10, 245);
    }

    [Fact]
    public void Compose_DifferentVariants_GiveVisiblyDifferentCrops()
    {
        var variants = Enumerable.Range(0, 4)
            .Select(v => composer.Compose(SamplePhotos.GraceHopper, LookCatalog.CorporateGrey, v, CancellationToken.None).Jpeg)
            .ToList();

        for (var a = 0; a < variants.Count; a++)
        {
            for (var b = a + 1; b < variants.Count; b++)
            {
                var difference = Pixels.Difference(variants[a], variants[b]);
                Assert.True(difference > 4, $"Variants {a} and {b} differ by only {difference:0.0} levels.");
            }
        }
    }

    [Fact]
    public void Frame_Variant0_IsTheWidestCrop()
    {
        var widest = ClassicalHeadshotComposer.Frame(1200, 1600, AspectRatio.Portrait4x5, 0);

        for (var v = 1; v < 20; v++)
        {
            var frame = ClassicalHeadshotComposer.Frame(1200, 1600, AspectRatio.Portrait4x5, v);
            Assert.True(frame.Width < widest.Width && frame.Height < widest.Height, $"Variant {v} is as wide as variant 0.");
            Assert.True(frame.Left >= 0 && frame.Top >= 0 && frame.Left + frame.Width <= 1200 && frame.Top + frame.Height <= 1600, $"Variant {v} leaves the photo.");
        }
    }

    [Fact]
    public void Compose_BwEditorial_IsGrey()
    {
        var candidate = composer.Compose(SamplePhotos.GraceHopper, LookCatalog.BwEditorial, 0, CancellationToken.None);

        Assert.InRange(Pixels.Of(candidate.Jpeg).MaxChannelSpread(), 0, 3);
    }

    [Fact]
    public void Compose_ColourLook_KeepsColour()
    {
        var candidate = composer.Compose(SamplePhotos.GraceHopper, LookCatalog.CorporateGrey, 0, CancellationToken.None);

        Assert.True(Pixels.Of(candidate.Jpeg).MaxChannelSpread() > 60);
    }

    [Fact]
    public void Compose_DarkStudio_IsDarkerThanBrightOffice()
    {
        var dark = composer.Compose(SamplePhotos.GraceHopper, LookCatalog.DarkStudio, 0, CancellationToken.None);
        var bright = composer.Compose(SamplePhotos.GraceHopper, LookCatalog.BrightOffice, 0, CancellationToken.None);

        Assert.True(dark.Measurements.MeanLuma + 15 < bright.Measurements.MeanLuma, $"Dark {dark.Measurements.MeanLuma:0.0}, bright {bright.Measurements.MeanLuma:0.0}.");
    }

    [Fact]
    public void Compose_OutdoorNatural_IsWarmerThanCorporateGrey()
    {
        var outdoor = Pixels.Of(composer.Compose(SamplePhotos.GraceHopper, LookCatalog.OutdoorNatural, 0, CancellationToken.None).Jpeg).Mean();
        var corporate = Pixels.Of(composer.Compose(SamplePhotos.GraceHopper, LookCatalog.CorporateGrey, 0, CancellationToken.None).Jpeg).Mean();

        Assert.True(outdoor.R - outdoor.B > corporate.R - corporate.B + 5, $"Outdoor R-B {outdoor.R - outdoor.B:0.0}, corporate {corporate.R - corporate.B:0.0}.");
    }

    [Fact]
    public void Compose_SameInputsTwice_GiveIdenticalFiles()
    {
        var first = composer.Compose(SamplePhotos.GraceHopper, LookCatalog.OutdoorNatural, 2, CancellationToken.None);
        var second = new ClassicalHeadshotComposer().Compose(SamplePhotos.GraceHopper, LookCatalog.OutdoorNatural, 2, CancellationToken.None);

        Assert.Equal(first.Jpeg, second.Jpeg);
        Assert.Equal(first.Measurements, second.Measurements);
    }
}
