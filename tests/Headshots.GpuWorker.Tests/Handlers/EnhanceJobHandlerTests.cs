using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Retouch;
using Headshots.Engines.Segmentation;
using Headshots.GpuWorker.Handlers;
using Headshots.GpuWorker.Tests.Support;
using Headshots.Jobs.Protocol;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Tests.Handlers;

/// <summary>
/// The enhance job's validation, on the handler's real classes with only the blob service faked: a job it can never
/// do fails as an <see cref="InvalidJobException"/> that names the job, before any engine runs.
/// </summary>
public sealed class EnhanceJobHandlerTests : IAsyncLifetime
{
    private const string Headshot = "work/s-1/selected/look-01-00.jpg";
    private const string Photo = "uploads/s-1/photo-00.jpg";

    private FakeBlobService blobs = null!;

    public async Task InitializeAsync() => blobs = await FakeBlobService.StartAsync([0xff, 0xd8, 0xff, 0xd9]);

    public async Task DisposeAsync() => await blobs.DisposeAsync();

    /// <summary>The handler as the worker builds it with its models, on the native render path.</summary>
    private EnhanceJobHandler Handler()
    {
        var unreached = new Unreached();
        var composer = new ModelHeadshotComposer(new FaceAnalyser(unreached, unreached, unreached), unreached);
        return new EnhanceJobHandler(new JobBlobs(blobs.Storage), new ClassicalFaceEnhancer(), Options.Create(new RenderOptions { Path = RenderOptions.Native }), new MagickPhotoNormaliser(), new PhotoLimits(), composer);
    }

    private static GpuJobMessage Job(EnhanceJobParameters parameters, params string[] inputs) =>
        new("enhance-look-01-00", "s-1", "i-1", GpuJobKinds.Enhance, inputs, "work/s-1/final/", parameters.ToParameters(), 1);

    [Fact]
    public async Task HandleAsync_PhotoWithoutLookOrVariant_InvalidJobNamingTheJobAndNothingIsRead()
    {
        var job = Job(EnhanceJobParameters.None, Headshot, Photo);

        var error = await Assert.ThrowsAsync<InvalidJobException>(() => Handler().HandleAsync(job, CancellationToken.None));

        Assert.Equal("The enhance job enhance-look-01-00 has the photo it was framed from but no look and variant to render it with.", error.Message);
        Assert.Empty(blobs.Reads);
    }

    [Fact]
    public async Task HandleAsync_PhotoWithLookButNoVariant_InvalidJobNamingTheJobAndWhatGoesTogether()
    {
        var job = Job(EnhanceJobParameters.None, Headshot, Photo) with
        {
            Parameters = new Dictionary<string, string> { [GenerateJobParameters.LookParameter] = "corporate-grey" },
        };

        var error = await Assert.ThrowsAsync<InvalidJobException>(() => Handler().HandleAsync(job, CancellationToken.None));

        Assert.Equal("The enhance job enhance-look-01-00: 'look' and 'variant' go together: give both, or neither.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_PhotoWithUnknownLook_InvalidJobNamingTheLook()
    {
        var job = Job(new EnhanceJobParameters("no-such-look", 0), Headshot, Photo);

        var error = await Assert.ThrowsAsync<InvalidJobException>(() => Handler().HandleAsync(job, CancellationToken.None));

        Assert.Equal("Unknown look 'no-such-look'.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task HandleAsync_NoneOrTooManyInputs_InvalidJobCountingThemAndNothingIsRead(int count)
    {
        var inputs = Enumerable.Range(0, count).Select(i => $"work/s-1/selected/{i:00}.jpg").ToArray();

        var error = await Assert.ThrowsAsync<InvalidJobException>(() => Handler().HandleAsync(Job(EnhanceJobParameters.None, inputs), CancellationToken.None));

        Assert.Equal($"The enhance job enhance-look-01-00 needs the headshot and optionally the photo it was framed from, got {count} inputs.", error.Message);
        Assert.Empty(blobs.Reads);
    }

    [Fact]
    public async Task HandleAsync_NativeRenderOfTwelveMegapixelPhoto_WritesTheUnretouchedFullResolutionRenderAsTheBase()
    {
        blobs.Put(Headshot, WovenHeadshots.Astronaut(819, 1024));
        blobs.Put(Photo, WovenHeadshots.Photo);
        var handler = new EnhanceJobHandler(new JobBlobs(blobs.Storage), WovenHeadshots.Enhancer, Options.Create(new RenderOptions { Path = RenderOptions.Native }),
            new MagickPhotoNormaliser(), new PhotoLimits(), WovenHeadshots.Composer);

        var outcome = await handler.HandleAsync(Job(new EnhanceJobParameters("corporate-grey", 0), Headshot, Photo), CancellationToken.None);

        var result = Assert.IsType<EnhanceResult>(outcome.Values);
        var basePath = Assert.IsType<string>(result.BasePath);
        Assert.Equal("work/s-1/final/look-01-00-base.jpg", basePath);
        Assert.Equal([result.Path, basePath], outcome.Values.Blobs());
        var written = blobs.Written(basePath);
        var (width, height) = WovenHeadshots.SizeOf(written);
        Assert.Equal((result.Measurements.Width, result.Measurements.Height), (width, height));
        Assert.True(width > 1024, $"the base is {width} px wide: no more than a 1024 px candidate");
        var weave = WovenHeadshots.Weave(written, WovenHeadshots.PeriodAt(width, result.Source!.FrameWidth));
        Assert.True(weave >= 0.3, $"the base keeps the photo's weave only to {weave:0.000}");
        // Unretouched: where the retouch changes the base, the delivered headshot is the retouch of the base (made
        // from the render's pixels before the base was encoded, so equal up to that JPEG's loss), not the base itself.
        var delivered = RgbImage.Decode(blobs.Written(result.Path), int.MaxValue);
        var unretouched = RgbImage.Decode(written, int.MaxValue);
        var retouchOfBase = WovenHeadshots.Enhancer.Retouch(unretouched, RetouchSettings.Natural, CancellationToken.None);
        var retouchedSamples = Enumerable.Range(0, unretouched.Pixels.Length).Where(i => Math.Abs(retouchOfBase.Pixels[i] - unretouched.Pixels[i]) >= 4).ToList();
        Assert.True(retouchedSamples.Count >= 5_000, $"the retouch changed only {retouchedSamples.Count} samples of the base");
        var (toRetouchOfBase, toBase) = (MeanDifference(delivered, retouchOfBase, retouchedSamples), MeanDifference(delivered, unretouched, retouchedSamples));
        Assert.True(toRetouchOfBase < toBase / 2,
            $"where the retouch acts, the delivered headshot differs from the retouch of the base by {toRetouchOfBase:0.000} levels and from the base by {toBase:0.000}");
    }

    private static double MeanDifference(RgbImage a, RgbImage b, IReadOnlyList<int> samples) => samples.Average(i => Math.Abs(a.Pixels[i] - b.Pixels[i]));

    /// <summary>The face and person models, which validation must never reach.</summary>
    private sealed class Unreached : IFaceDetector, IFaceLandmarker, IFaceEmbedder, IPersonSegmenter
    {
        public IReadOnlyList<DetectedFace> Detect(RgbImage image) => throw Reached();

        public FaceLandmarks Locate(RgbImage image, DetectedFace face) => throw Reached();

        public FaceEmbedding Embed(RgbImage image, FaceLandmarks landmarks) => throw Reached();

        public PersonMask Segment(RgbImage image) => throw Reached();

        private static InvalidOperationException Reached() => new("A model ran for a job that validation should have refused.");
    }

    [Fact]
    public async Task HandleAsync_PhotoThatIsNoLongerAnImage_InvalidJobNamingThePhotoAndWhy()
    {
        blobs.Put(Photo, "not a photo any more"u8.ToArray());
        var job = Job(new EnhanceJobParameters("corporate-grey", 0), Headshot, Photo);

        var error = await Assert.ThrowsAsync<InvalidJobException>(() => Handler().HandleAsync(job, CancellationToken.None));

        Assert.StartsWith($"The photo {Photo} the headshot was framed from can no longer be read for delivery: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("This file is not a photo", error.Message, StringComparison.Ordinal);
    }
}
