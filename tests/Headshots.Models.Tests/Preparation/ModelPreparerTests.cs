using System.Security.Cryptography;
using Headshots.Models.Onnx;
using Headshots.Models.Preparation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Models.Tests.Preparation;

public sealed class ModelPreparerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("headshots-models-").FullName;

    private string ModelsFolder => Path.Combine(root, "models");

    private string PackagesFolder => Path.Combine(root, "packages");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task PrepareAsync_FirstRun_WritesModelAndRecordsItsSha256()
    {
        var source = new FakePackageSource(new() { ["package/tiny.onnx"] = TinyModel() });

        var results = await Preparer(source).PrepareAsync(Manifest(source), ModelsFolder, PackagesFolder, CancellationToken.None);

        var model = Assert.Single(results);
        Assert.True(model.Prepared);
        var onnx = Path.Combine(ModelsFolder, "tiny.onnx");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(onnx))), model.Model.Sha256);
        Assert.Equal(model.Model, ModelPreparer.ReadRecord(Path.Combine(ModelsFolder, "tiny.json")));
    }

    [Fact]
    public async Task PrepareAsync_WarmCache_DoesNoWork()
    {
        var source = new FakePackageSource(new() { ["package/tiny.onnx"] = TinyModel() });
        var manifest = Manifest(source);
        await Preparer(source).PrepareAsync(manifest, ModelsFolder, PackagesFolder, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(Path.Combine(ModelsFolder, "tiny.onnx"));

        var again = await Preparer(source).PrepareAsync(manifest, ModelsFolder, PackagesFolder, CancellationToken.None);

        Assert.False(Assert.Single(again).Prepared);
        Assert.Equal(1, source.Calls);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(ModelsFolder, "tiny.onnx")));
    }

    [Fact]
    public async Task PrepareAsync_TamperedModelFile_IsRebuiltFromTheCachedTarball()
    {
        var source = new FakePackageSource(new() { ["package/tiny.onnx"] = TinyModel() });
        var manifest = Manifest(source);
        var first = await Preparer(source).PrepareAsync(manifest, ModelsFolder, PackagesFolder, CancellationToken.None);
        File.WriteAllBytes(Path.Combine(ModelsFolder, "tiny.onnx"), [.. File.ReadAllBytes(Path.Combine(ModelsFolder, "tiny.onnx")).Reverse()]);

        var again = await Preparer(source).PrepareAsync(manifest, ModelsFolder, PackagesFolder, CancellationToken.None);

        Assert.True(Assert.Single(again).Prepared);
        Assert.Equal(first[0].Model.Sha256, again[0].Model.Sha256);
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task PrepareAsync_WrongIntegrity_FailsNamingTheModelAndKeepsNothing()
    {
        var source = new FakePackageSource(new() { ["package/tiny.onnx"] = TinyModel() });
        var manifest = Manifest(source, integrity: "sha512-" + Convert.ToBase64String(new byte[64]));

        var error = await Assert.ThrowsAsync<ModelConversionException>(
            () => Preparer(source).PrepareAsync(manifest, ModelsFolder, PackagesFolder, CancellationToken.None));

        Assert.Contains("'tiny'", error.Message, StringComparison.Ordinal);
        Assert.Contains("integrity", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(PackagesFolder, "*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(ModelsFolder, "tiny.onnx")));
    }

    [Fact]
    public async Task PrepareAsync_FileMissingFromTarball_FailsNamingModelAndFile()
    {
        var source = new FakePackageSource(new() { ["package/other.onnx"] = TinyModel() });

        var error = await Assert.ThrowsAsync<ModelConversionException>(
            () => Preparer(source).PrepareAsync(Manifest(source), ModelsFolder, PackagesFolder, CancellationToken.None));

        Assert.Contains("'tiny'", error.Message, StringComparison.Ordinal);
        Assert.Contains("package/tiny.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_ConversionFails_LeavesNoHalfWrittenModel()
    {
        var source = new FakePackageSource(new() { ["package/tiny.onnx"] = "this is not a model"u8.ToArray() });

        var error = await Assert.ThrowsAsync<ModelConversionException>(
            () => Preparer(source).PrepareAsync(Manifest(source), ModelsFolder, PackagesFolder, CancellationToken.None));

        Assert.Contains("'tiny'", error.Message, StringComparison.Ordinal);
        Assert.Equal([".lock"], Directory.GetFileSystemEntries(ModelsFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task PrepareAsync_PinChanged_RebuildsTheModel()
    {
        var source = new FakePackageSource(new() { ["package/tiny.onnx"] = TinyModel() });
        await Preparer(source).PrepareAsync(Manifest(source), ModelsFolder, PackagesFolder, CancellationToken.None);
        source.Files["package/tiny.onnx"] = TinyModel(bias: 2f);

        var again = await Preparer(source).PrepareAsync(Manifest(source, version: "1.0.1"), ModelsFolder, PackagesFolder, CancellationToken.None);

        Assert.True(Assert.Single(again).Prepared);
        Assert.Equal("1.0.1", again[0].Model.Version);
    }

    private static ModelPreparer Preparer(FakePackageSource source) => new(source, NullLogger<ModelPreparer>.Instance);

    private static ModelManifest Manifest(FakePackageSource source, string? integrity = null, string version = "1.0.0")
    {
        var sri = integrity ?? "sha512-" + Convert.ToBase64String(SHA512.HashData(FakePackageSource.Tarball(source.Files)));
        return ModelManifest.Parse($$"""
            { "models": [ { "id": "tiny", "purpose": "test", "package": "@test/tiny", "version": "{{version}}", "integrity": "{{sri}}",
                            "source": "package/tiny.onnx", "converter": "onnx", "licence": "MIT" } ] }
            """);
    }

    private static byte[] TinyModel(float bias = 1f)
    {
        var graph = new OnnxGraph("tiny");
        var x = graph.Input("x", 1);
        graph.Output(graph.Identity(graph.Node("Add", [x, graph.Constant("b", [bias], 1)]), "y"), 1);
        return graph.ToModelBytes("test");
    }
}
