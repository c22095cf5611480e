using Headshots.GpuWorker.Processing;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Headshots.Models.Preparation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Headshots.EndToEnd.Tests;

/// <summary>A worker without models in its folder copies them from the models container, checked, on Azurite.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class ModelsDownloaderTests(LocalStudioFixture studio) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("headshots-worker-models-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task StartAsync_ModelsOnlyInTheContainer_CopiesTheIntactOnesAndRefusesATamperedOne()
    {
        var (storage, container) = await ContainerAsync();
        var tampered = ModelIds.First();
        foreach (var spec in ModelManifest.Embedded().Models)
        {
            var onnx = await File.ReadAllBytesAsync(Path.Combine(studio.Paths.Models, spec.OnnxFileName));
            if (spec.Id == tampered) onnx[^1] ^= 0xff;
            await storage.Container(container).GetBlobClient(spec.OnnxFileName).UploadAsync(new BinaryData(onnx), overwrite: true);
            await storage.Container(container).GetBlobClient($"{spec.Id}.json").UploadAsync(
                new BinaryData(await File.ReadAllBytesAsync(Path.Combine(studio.Paths.Models, $"{spec.Id}.json"))), overwrite: true);
        }

        await Downloader(storage, container).StartAsync(CancellationToken.None);

        foreach (var spec in ModelManifest.Embedded().Models)
        {
            var ready = ModelPreparer.ReadyModel(spec, folder);
            if (spec.Id == tampered) Assert.Null(ready);
            else Assert.NotNull(ready);
        }
        Assert.Empty(Directory.GetFiles(folder, "*.download"));
    }

    [Fact]
    public async Task StartAsync_ModelsAlreadyInTheFolder_LeavesThemAlone()
    {
        var (storage, container) = await ContainerAsync();
        foreach (var file in Directory.GetFiles(studio.Paths.Models).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var written = Directory.GetFiles(folder).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        await Downloader(storage, container).StartAsync(CancellationToken.None);

        Assert.All(ModelManifest.Embedded().Models, spec => Assert.NotNull(ModelPreparer.ReadyModel(spec, folder)));
        Assert.All(written, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
    }

    private static IEnumerable<string> ModelIds => ModelManifest.Embedded().Models.Select(m => m.Id);

    private async Task<(StorageClients Storage, string Container)> ContainerAsync()
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = AzuriteConnection.For(studio.Ports) }));
        var container = "models-" + Guid.NewGuid().ToString("N")[..8];
        await storage.Container(container).CreateAsync();
        return (storage, container);
    }

    private ModelsDownloader Downloader(StorageClients storage, string container) => new(
        storage,
        Options.Create(new WorkerOptions { Engines = "models", ModelsPath = folder, ModelsContainer = container }),
        NullLogger<ModelsDownloader>.Instance);
}
