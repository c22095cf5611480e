using Azure;
using Headshots.GpuWorker.Processing;
using Headshots.Jobs.Storage;
using Headshots.Models.Preparation;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Processing;

/// <summary>
/// Before the worker takes jobs: copies prepared models that the local folder lacks (or holds stale) from the
/// models container, each checked against its record's SHA-256 and the manifest's pins. Nothing is ever fetched
/// from a model hub; the container holds what <c>models fetch</c> prepared.
/// </summary>
public sealed class ModelsDownloader(StorageClients storage, IOptions<WorkerOptions> options, ILogger<ModelsDownloader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = options.Value;
        if (worker.Engines != "models" || string.IsNullOrWhiteSpace(worker.ModelsContainer))
        {
            return;
        }

        var folder = ModelsFolder.Resolve(worker);
        Directory.CreateDirectory(folder);
        var container = storage.Container(worker.ModelsContainer);
        foreach (var spec in ModelManifest.Embedded().Models)
        {
            if (ModelPreparer.ReadyModel(spec, folder) is not null)
            {
                continue;
            }

            try
            {
                await DownloadAsync(container, spec, folder, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                logger.LogError("Model {ModelId} is neither in {Folder} nor in the {Container} container; jobs that need it will fail. " +
                    "Upload the output of `models fetch` to the container.", spec.Id, folder, worker.ModelsContainer);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DownloadAsync(Azure.Storage.Blobs.BlobContainerClient container, ModelSpec spec, string folder, CancellationToken cancellationToken)
    {
        var recordPath = Path.Combine(folder, $"{spec.Id}.json.download");
        var modelPath = Path.Combine(folder, $"{spec.OnnxFileName}.download");
        try
        {
            await container.GetBlobClient($"{spec.Id}.json").DownloadToAsync(recordPath, cancellationToken);
            await container.GetBlobClient(spec.OnnxFileName).DownloadToAsync(modelPath, cancellationToken);
            var record = ModelPreparer.ReadRecord(recordPath);
            if (record is null || !record.Matches(spec) || SubresourceIntegrity.Sha256HexOf(modelPath) != record.Sha256)
            {
                logger.LogError("Model {ModelId} in the models container does not match this worker's manifest or its own record; " +
                    "re-run `models fetch` and upload its output.", spec.Id);
                return;
            }

            File.Move(modelPath, Path.Combine(folder, spec.OnnxFileName), overwrite: true);
            File.Move(recordPath, Path.Combine(folder, $"{spec.Id}.json"), overwrite: true);
            logger.LogInformation("Model {ModelId} copied from the models container ({Sha256})", spec.Id, record.Sha256[..12]);
        }
        finally
        {
            File.Delete(recordPath);
            File.Delete(modelPath);
        }
    }
}
