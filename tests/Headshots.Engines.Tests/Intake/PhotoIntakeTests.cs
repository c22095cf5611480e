using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Engines.Tests.Support;
using Xunit.Abstractions;

namespace Headshots.Engines.Tests.Intake;

public sealed class PhotoIntakeTests(ITestOutputHelper output)
{
    private static readonly Lazy<ShootJudgement> Judgement = new(() =>
        Intake().Inspect(IntakeCorpus.Files.Value.Select(f => (f.Name, f.Bytes)).ToList(), minAccepted: 8, CancellationToken.None));

    public static IEnumerable<object[]> Expectations =>
        IntakeCorpus.Files.Value.Select(f => new object[] { f.Name, f.Expected ?? "accepted" });

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Inspect_CorpusFile_GetsTheExpectedVerdict(string file, string expected)
    {
        var photo = Judgement.Value.Photos.Single(p => p.Name == file);
        output.WriteLine($"{file}: {string.Join(",", photo.Reasons)} faces={photo.Faces} width={photo.FaceWidth:0.000} yaw={photo.Yaw:0.00} roll={photo.RollDegrees:0.0} " +
            $"sharp={photo.FaceExposure?.Sharpness:0.0} luma={photo.FaceExposure?.MeanLuma:0.0} clipped={photo.FaceExposure?.Clipped:0.000} crushed={photo.FaceExposure?.Crushed:0.000} id={photo.IdentityDistance} " +
            $"nearest hash {Judgement.Value.Photos.Where(p => p != photo && p.Hash != default).Select(p => PerceptualHash.Distance(p.Hash, photo.Hash)).DefaultIfEmpty(64).Min()} bits");

        if (expected == "accepted")
        {
            Assert.True(photo.Accepted, $"{file} was rejected: {string.Join(", ", photo.Reasons)}");
            Assert.True(photo.IdentityDistance < 0.6, $"{file} is {photo.IdentityDistance} from the person");
        }
        else
        {
            Assert.Equal(expected, photo.Code);
            Assert.False(string.IsNullOrWhiteSpace(photo.Reason));
            Assert.False(string.IsNullOrWhiteSpace(photo.Tip));
        }
    }

    [Fact]
    public void Inspect_Corpus_CanStartWithThePersonsPhotos()
    {
        var judgement = Judgement.Value;

        Assert.True(judgement.CanStart, judgement.Problem);
        Assert.Equal(IntakeCorpus.Files.Value.Count(f => f.Expected is null), judgement.AcceptedCount);
    }

    [Fact]
    public void Inspect_MostlySomeoneElse_AsksInsteadOfGuessing()
    {
        var files = SampleShootDeriver.Derive(SamplePhotos.Astronaut, 3, seed: 1)
            .Concat(SampleShootDeriver.Derive(SamplePhotos.GraceHopper, 3, seed: 2))
            .Select(p => (p.Name + Guid.NewGuid().ToString("N")[..4], p.Jpeg)).ToList();

        var judgement = Intake().Inspect(files, minAccepted: 2, CancellationToken.None);

        Assert.False(judgement.CanStart);
        Assert.Contains("one person", judgement.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TooFewGoodPhotos_SaysHowManyAreNeeded()
    {
        var files = SampleShootDeriver.Derive(SamplePhotos.Astronaut, 3, seed: 5).Select(p => (p.Name, p.Jpeg)).ToList();

        var judgement = Intake().Inspect(files, minAccepted: 8, CancellationToken.None);

        Assert.False(judgement.CanStart);
        Assert.Contains("at least 8", judgement.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DecompressionBomb_IsRejectedFastWithLittleMemory()
    {
        var bomb = HostileFiles.PngBomb(50_000, 50_000);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (_, assessment, _) = Intake().AssessOne("bomb.png", bomb, CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal("too_many_pixels", assessment.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(allocated < 50L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB for a file claiming 2.5 gigapixels");
    }

    private static PhotoIntake Intake() => new(
        new MagickPhotoNormaliser(),
        FaceAnalyser.On(TestModels.Models),
        new IntakeThresholds(),
        new PhotoLimits());
}
