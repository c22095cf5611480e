using System.Security.Cryptography;
using System.Text;
using Headshots.Models.Preparation;

namespace Headshots.Models.Tests.Preparation;

/// <summary>The diffusion weights' fetch against sources made in the test: nothing is ever downloaded.</summary>
public sealed class DiffusionFetchCommandTests : IDisposable
{
    private const string Revision = "0123456789abcdef0123456789abcdef01234567";
    private static readonly byte[] UNet = Encoding.ASCII.GetBytes("unet graph bytes");
    private static readonly byte[] UNetData = Encoding.ASCII.GetBytes("unet external weights");

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"headshots-diffusion-fetch-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task RunAsync_ShippedManifest_RefusesInOneLineAndAsksForNothing()
    {
        var source = new FakeDiffusionFileSource([]);
        var output = new StringWriter();

        var exit = await DiffusionFetchCommand.RunAsync(DiffusionManifest.Embedded(), folder, source, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Single(Lines(output));
        Assert.StartsWith("diffusion: not fetched:", output.ToString());
        Assert.Empty(source.Requested);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Embedded_ShippedManifest_NamesTheCheckpointAndLicenceAndRecordsNoInventedHash()
    {
        var manifest = DiffusionManifest.Embedded();

        Assert.Equal("diffusers/stable-diffusion-xl-1.0-inpainting-0.1", manifest.Checkpoint);
        Assert.Equal("CreativeML Open RAIL++-M", manifest.Licence);
        Assert.Contains(manifest.Files, f => f.Path == "unet/model.onnx");
        Assert.All(manifest.Files, f => Assert.Null(f.Sha256));
        Assert.NotNull(manifest.FetchProblem());
    }

    [Fact]
    public async Task RunAsync_AFileWithoutRecordedHash_RefusesEveryFileAndNamesIt()
    {
        var manifest = Pinned(new DiffusionFile("unet/model.onnx", Sha256(UNet)), new DiffusionFile("unet/model.onnx_data", null));
        var source = new FakeDiffusionFileSource(new() { ["unet/model.onnx"] = UNet, ["unet/model.onnx_data"] = UNetData });
        var output = new StringWriter();

        var exit = await DiffusionFetchCommand.RunAsync(manifest, folder, source, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("no sha256 for unet/model.onnx_data", output.ToString());
        Assert.Empty(source.Requested);
    }

    [Fact]
    public async Task RunAsync_UnpinnedRevision_Refuses()
    {
        var manifest = Pinned(new DiffusionFile("unet/model.onnx", Sha256(UNet))) with { Revision = "main" };
        var output = new StringWriter();

        var exit = await DiffusionFetchCommand.RunAsync(manifest, folder, new FakeDiffusionFileSource([]), output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("does not pin a revision", output.ToString());
    }

    [Fact]
    public async Task RunAsync_NoNetwork_SaysSoInOneLine()
    {
        var manifest = Pinned(new DiffusionFile("unet/model.onnx", Sha256(UNet)));
        var output = new StringWriter();

        var exit = await DiffusionFetchCommand.RunAsync(manifest, folder, new FakeDiffusionFileSource([], unreachable: true), output, CancellationToken.None);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(output));
        Assert.Contains("no network access", line);
    }

    [Fact]
    public async Task RunAsync_NoMirrorConfigured_SaysSoInOneLine()
    {
        var manifest = Pinned(new DiffusionFile("unet/model.onnx", Sha256(UNet)));
        var output = new StringWriter();

        var exit = await DiffusionFetchCommand.RunAsync(manifest, folder, null, output, CancellationToken.None);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(output));
        Assert.Contains(HttpDiffusionFileSource.MirrorVariable, line);
    }

    [Fact]
    public async Task RunAsync_ServedBytesDoNotMatchTheHash_DiscardsThem()
    {
        var manifest = Pinned(new DiffusionFile("unet/model.onnx", Sha256(UNet)));
        var source = new FakeDiffusionFileSource(new() { ["unet/model.onnx"] = UNetData });
        var output = new StringWriter();

        var exit = await DiffusionFetchCommand.RunAsync(manifest, folder, source, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("was discarded", output.ToString());
        Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task RunAsync_MatchingFiles_WritesThemWithTheRecordTheLoaderChecksThenLeavesThemAlone()
    {
        var manifest = Pinned(new DiffusionFile("unet/model.onnx", Sha256(UNet)), new DiffusionFile("unet/model.onnx_data", Sha256(UNetData)));
        var source = new FakeDiffusionFileSource(new() { ["unet/model.onnx"] = UNet, ["unet/model.onnx_data"] = UNetData });

        var first = await DiffusionFetchCommand.RunAsync(manifest, folder, source, new StringWriter(), CancellationToken.None);
        var second = await DiffusionFetchCommand.RunAsync(manifest, folder, source, new StringWriter(), CancellationToken.None);

        Assert.Equal((0, 0), (first, second));
        Assert.Equal(2, source.Requested.Count);
        Assert.Equal($"org/sdxl-inpainting-onnx@{Revision}:unet/model.onnx", source.Requested[0]);
        Assert.Equal(UNet, File.ReadAllBytes(Path.Combine(folder, "unet", "model.onnx")));
        Assert.Equal(UNetData, File.ReadAllBytes(Path.Combine(folder, "unet", "model.onnx_data")));
        var record = ModelPreparer.ReadRecord(Path.Combine(folder, "unet", "model.json"));
        Assert.NotNull(record);
        Assert.Equal((Sha256(UNet), (long)UNet.Length, Revision), (record.Sha256, record.Bytes, record.Version));
    }

    private static DiffusionManifest Pinned(params DiffusionFile[] files) =>
        new("SDXL 1.0 inpainting 0.1", "diffusers/stable-diffusion-xl-1.0-inpainting-0.1", "CreativeML Open RAIL++-M", "test", "org/sdxl-inpainting-onnx", Revision, files);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string[] Lines(StringWriter output) => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
