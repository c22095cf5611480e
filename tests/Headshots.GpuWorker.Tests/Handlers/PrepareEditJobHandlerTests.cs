using Headshots.Engines.Imaging;
using Headshots.GpuWorker.Handlers;
using Headshots.GpuWorker.Tests.Support;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Tests.Handlers;

/// <summary>The prepare-edit job on a full-resolution base, with the real engines and only the blob service faked.</summary>
public sealed class PrepareEditJobHandlerTests : IAsyncLifetime
{
    private const string Base = "work/s-1/enhanced/enhance-corporate-grey-00-base.jpg";

    private FakeBlobService blobs = null!;

    public async Task InitializeAsync() => blobs = await FakeBlobService.StartAsync([0xff, 0xd8, 0xff, 0xd9]);

    public async Task DisposeAsync() => await blobs.DisposeAsync();

    [Fact]
    public async Task HandleAsync_SixteenMegapixelBase_PlacesTheSquaresContentByTheBasesOwnSize()
    {
        blobs.Put(Base, WovenHeadshots.Astronaut(3580, 4475));
        var job = new GpuJobMessage("refine-r1-prepare", "s-1", "refine-r1", GpuJobKinds.PrepareEdit, [Base], "work/s-1/refine/r1/",
            new EditJobParameters("hair").ToParameters(), 1);

        var outcome = await new PrepareEditJobHandler(new JobBlobs(blobs.Storage), WovenHeadshots.Masks).HandleAsync(job, CancellationToken.None);

        var result = Assert.IsType<PrepareEditResult>(outcome.Values);
        var square = RgbImage.Decode(blobs.Written(result.ImagePath), WeaveChart.FullSize);
        Assert.Equal((1024, 1024), (square.Width, square.Height));
        // 3580 × 4475 fitted to 1024 px high is 819.2 px wide: 819 columns of content between 102 of padding on the
        // left and 103 on the right, where the refine job cuts the answer out of again.
        Assert.Equal((102, 819), ContentColumns(square));
        Assert.InRange(result.Coverage, 0.01, 0.5);
    }

    /// <summary>The first column that is not the padding's plain grey, and how many columns from there are not.</summary>
    private static (int First, int Count) ContentColumns(RgbImage square)
    {
        bool Padding(int x) => Enumerable.Range(0, square.Height).All(y => square.Pixels.AsSpan(((y * square.Width) + x) * 3, 3).SequenceEqual(new byte[] { 128, 128, 128 }));
        var first = Enumerable.Range(0, square.Width).First(x => !Padding(x));
        var last = Enumerable.Range(0, square.Width).Last(x => !Padding(x));
        return (first, last - first + 1);
    }
}
