using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
using Headshots.GpuWorker.Handlers;
using Headshots.GpuWorker.Tests.Support;
using Headshots.Jobs.Edits;
using Headshots.Jobs.Protocol;
using ImageMagick;
using Xunit.Abstractions;

namespace Headshots.GpuWorker.Tests.Handlers;

/// <summary>
/// The refine job on a full-resolution base, with the real engines and only the blob service faked: the new base and
/// master keep the base's size and the photo's fine detail, and a generative edit's small square is merged into it
/// without reducing it.
/// </summary>
public sealed class RefineJobHandlerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Base = "work/s-1/enhanced/enhance-corporate-grey-00-base.jpg";
    private const string Prefix = "work/s-1/refine/r1/refine-r1/";

    private FakeBlobService blobs = null!;

    public async Task InitializeAsync() => blobs = await FakeBlobService.StartAsync([0xff, 0xd8, 0xff, 0xd9]);

    public async Task DisposeAsync() => await blobs.DisposeAsync();

    private RefineJobHandler Handler() => new(new JobBlobs(blobs.Storage), WovenHeadshots.Enhancer, WovenHeadshots.Editor, WovenHeadshots.Faces, WovenHeadshots.Masks);

    private static GpuJobMessage Job(Dictionary<string, string> parameters) =>
        new("refine-r1", "s-1", "refine-r1", GpuJobKinds.Refine, [Base], Prefix, parameters, 1);

    [Fact]
    public async Task HandleAsync_NativeBaseWithBackgroundAndSkinEdits_KeepsTheBaseSizeAndThePhotosWeave()
    {
        var render = WovenHeadshots.Render;
        blobs.Put(Base, render.Jpeg);

        var outcome = await Handler().HandleAsync(Job(new() { [RefineEdits.BackgroundField] = "blur", [RefineEdits.SkinSmoothingField] = "0.3" }), CancellationToken.None);

        var result = Assert.IsType<RefineResult>(outcome.Values);
        var period = WovenHeadshots.PeriodAt(render.Width, render.Source!.FrameWidth);
        foreach (var path in new[] { result.BasePath, result.MasterPath })
        {
            var written = blobs.Written(path);
            Assert.Equal((render.Width, render.Height), WovenHeadshots.SizeOf(written));
            var weave = WovenHeadshots.Weave(written, period);
            output.WriteLine($"{path}: {render.Width}×{render.Height}, weave correlation {weave:0.000} (period {period:0.00} px)");
            Assert.True(weave >= 0.3, $"{path} keeps the weave only to {weave:0.000}");
        }
        Assert.Equal((render.Width, render.Height), (result.Measurements.Width, result.Measurements.Height));
    }

    [Fact]
    public async Task HandleAsync_GenerativeHairEditOfSixteenMegapixelBase_MergesAtFullSizeAndKeepsTheWeaveOutsideTheHair()
    {
        // A base at the delivered 4:5 size (its 4475 px long edge above the 4096 px decodes once capped at), the
        // weave 3 of its pixels apart; the model's answer a grey 1024 px square.
        var original = WeaveChart.OnClothing(WovenHeadshots.Astronaut(3580, 4475));
        blobs.Put(Base, original);
        const string generated = "work/s-1/refine/r1/generated-1.png";
        using (var grey = new MagickImage(MagickColors.Gray, EditMaskCanvas.ModelSize, EditMaskCanvas.ModelSize) { Format = MagickFormat.Png24 })
        {
            blobs.Put(generated, grey.ToByteArray());
        }

        var outcome = await Handler().HandleAsync(Job(new EditJobParameters("hair", generated).ToParameters()), CancellationToken.None);

        var result = Assert.IsType<RefineResult>(outcome.Values);
        Assert.Equal("generative+retouch", outcome.Engine);
        var merged = blobs.Written(result.BasePath);
        Assert.Equal((3580, 4475), WovenHeadshots.SizeOf(merged));
        Assert.Equal((3580, 4475), WovenHeadshots.SizeOf(blobs.Written(result.MasterPath)));
        var weave = WovenHeadshots.Weave(blobs.Written(result.MasterPath), WeaveChart.Period);
        Assert.True(weave >= 0.3, $"the refined master keeps the weave only to {weave:0.000}");
        var changed = ChangedShare(original, merged);
        output.WriteLine($"master 3580×4475, weave correlation {weave:0.000}; {changed:P1} of the base redrawn");
        Assert.True(changed is > 0.01 and < 0.5, $"{changed:P1} of the base changed: the hair region alone was to be redrawn");
    }

    /// <summary>The share of pixels whose brightness moved by more than 30 levels.</summary>
    private static double ChangedShare(byte[] before, byte[] after)
    {
        var (a, b) = (RgbImage.Decode(before, WeaveChart.FullSize), RgbImage.Decode(after, WeaveChart.FullSize));
        var changed = 0;
        for (var i = 0; i < a.Pixels.Length; i += 3)
        {
            if (Math.Abs(a.Pixels[i] + a.Pixels[i + 1] + a.Pixels[i + 2] - b.Pixels[i] - b.Pixels[i + 1] - b.Pixels[i + 2]) > 90) changed++;
        }
        return changed / (a.Pixels.Length / 3.0);
    }
}
