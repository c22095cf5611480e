using System.Security.Cryptography;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>Makes three of the bench's 12 MP selfies of the astronaut once for the class.</summary>
public sealed class TwelveMegapixelSelfiesFixture
{
    public IReadOnlyList<(string Name, byte[] Jpeg)> Shoot { get; } = TwelveMegapixelSelfies.Make(SamplePhotos.Astronaut, 3, seed: 5);
}

public sealed class TwelveMegapixelSelfiesTests(TwelveMegapixelSelfiesFixture fixture) : IClassFixture<TwelveMegapixelSelfiesFixture>
{
    [Fact]
    public void Make_EveryPhoto_Is3000By4000Portrait()
    {
        Assert.All(fixture.Shoot, p =>
        {
            using var image = TestPhotos.Ping(p.Jpeg);
            Assert.Equal((3000u, 4000u), (image.Width, image.Height));
        });
    }

    [Fact]
    public void Make_SameSeed_GivesIdenticalPhotos_AndAnotherSeedDifferentOnes()
    {
        var again = TwelveMegapixelSelfies.Make(SamplePhotos.Astronaut, 1, seed: 5);
        var other = TwelveMegapixelSelfies.Make(SamplePhotos.Astronaut, 1, seed: 6);

        Assert.Equal(fixture.Shoot[0].Jpeg, again[0].Jpeg);
        Assert.NotEqual(fixture.Shoot[0].Jpeg, other[0].Jpeg);
        Assert.Equal(3, fixture.Shoot.Select(p => Convert.ToHexString(SHA256.HashData(p.Jpeg))).Distinct().Count());
    }

    /// <summary>
    /// Measured by the face models, independently of the crop's arithmetic: the face spans about 0.3 of the width, as a
    /// front camera at arm's length sees it, and keeps the portrait's own proportions (no stretch on one axis).
    /// </summary>
    [Fact]
    public void Make_EveryPhoto_FaceAtArmsLengthScaleWithThePortraitsProportions()
    {
        var faces = FaceAnalyser.On(TestModels.Models);
        var portrait = Proportions(faces.Analyse(SamplePhotos.Astronaut));

        Assert.All(fixture.Shoot, p =>
        {
            var analysis = faces.Analyse(p.Jpeg);
            var face = Assert.IsType<AnalysedFace>(analysis.Main).Landmarks.Bounds;
            Assert.InRange(face.Width / analysis.ImageWidth, 0.22, 0.34);
            Assert.InRange(Proportions(analysis) / portrait, 0.93, 1.07);
        });
    }

    /// <summary>The main face's height over its width.</summary>
    static double Proportions(FaceAnalysis analysis)
    {
        var bounds = analysis.Main!.Landmarks.Bounds;
        return bounds.Height / bounds.Width;
    }
}
