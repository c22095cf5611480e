using System.Security.Cryptography;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>Derives the demo's 12-photo shoot of the astronaut once for the class.</summary>
public sealed class SampleShootFixture
{
    public IReadOnlyList<(string Name, byte[] Jpeg)> Shoot { get; } = SampleShootDeriver.Derive(SamplePhotos.Astronaut, 12, seed: 7);
}

public sealed class SampleShootDeriverTests(SampleShootFixture fixture) : IClassFixture<SampleShootFixture>
{
    [Fact]
    public void Derive_TwelvePhotos_GivesTwelveDistinctlyNamedDifferentPhotos()
    {
        Assert.Equal(12, fixture.Shoot.Count);
        Assert.Equal(12, fixture.Shoot.Select(p => p.Name).Distinct().Count());
        Assert.Equal(12, fixture.Shoot.Select(p => Convert.ToHexString(SHA256.HashData(p.Jpeg))).Distinct().Count());
        // Different photos, not the same photo re-encoded: neighbours differ in framing, tilt or light.
        for (var i = 1; i < fixture.Shoot.Count; i++)
        {
            var difference = Pixels.Difference(fixture.Shoot[i - 1].Jpeg, fixture.Shoot[i].Jpeg);
            Assert.True(difference > 3, $"{fixture.Shoot[i].Name} differs from the one before by only {difference:0.0} levels.");
        }
    }

    [Fact]
    public void Derive_EveryPhoto_HasAShortEdgeOfAtLeast800Pixels()
    {
        Assert.All(fixture.Shoot, p =>
        {
            using var image = TestPhotos.Ping(p.Jpeg);
            Assert.True(Math.Min(image.Width, image.Height) >= 800, $"{p.Name} is {image.Width} × {image.Height}.");
        });
    }

    [Fact]
    public void Derive_EveryPhoto_IsAcceptedByTheNormaliser()
    {
        var normaliser = new MagickPhotoNormaliser();

        Assert.All(fixture.Shoot, p => normaliser.Normalise(p.Jpeg, new PhotoLimits(), CancellationToken.None));
    }

    [Fact]
    public void Derive_SameSeed_GivesIdenticalPhotos_AndAnotherSeedDifferentOnes()
    {
        var again = SampleShootDeriver.Derive(SamplePhotos.Astronaut, 2, seed: 7);
        var other = SampleShootDeriver.Derive(SamplePhotos.Astronaut, 2, seed: 8);

        Assert.Equal(fixture.Shoot.Take(2).Select(p => p.Jpeg), again.Select(p => p.Jpeg));
        Assert.NotEqual(fixture.Shoot[0].Jpeg, other[0].Jpeg);
    }
}
