using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Faces;

public sealed class DlibFaceEmbedderTests
{
    [Fact]
    public void Embed_VariantsOfOnePortrait_AreTheSamePersonAndTheTwoPeopleAreNot()
    {
        // Crops, scale, tilt, exposure, white balance and JPEG quality differ from photo to photo.
        var astronaut = SampleShootDeriver.Derive(SamplePhotos.Astronaut, 5, seed: 11).Select(p => Embed(p.Jpeg)).ToList();
        var hopper = SampleShootDeriver.Derive(SamplePhotos.GraceHopper, 5, seed: 12).Select(p => Embed(p.Jpeg)).ToList();

        var within = Pairs(astronaut).Concat(Pairs(hopper)).Select(p => p.A.DistanceTo(p.B)).ToList();
        var across = astronaut.SelectMany(a => hopper.Select(h => a.DistanceTo(h))).ToList();

        Assert.All(within, d => Assert.True(d < FaceEmbedding.SamePersonThreshold, $"same person at distance {d:0.000}"));
        Assert.All(across, d => Assert.True(d > FaceEmbedding.SamePersonThreshold, $"different people at distance {d:0.000}"));
    }

    [Fact]
    public void Embed_SamePhotoTwice_GivesTheSameVector()
    {
        Assert.Equal(0, Embed(SamplePhotos.Astronaut).DistanceTo(Embed(SamplePhotos.Astronaut)), 6);
    }

    private static FaceEmbedding Embed(byte[] photo)
    {
        var image = RgbImage.Decode(photo, 1024);
        var face = new BlazeFaceDetector(TestModels.Models).Detect(image)[0];
        var landmarks = new FaceMeshLandmarker(TestModels.Models).Locate(image, face);
        return new DlibFaceEmbedder(TestModels.Models).Embed(image, landmarks);
    }

    private static IEnumerable<(FaceEmbedding A, FaceEmbedding B)> Pairs(List<FaceEmbedding> list) =>
        list.SelectMany((a, i) => list.Skip(i + 1).Select(b => (a, b)));
}
