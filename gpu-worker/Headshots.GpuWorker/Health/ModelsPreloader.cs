using Headshots.Engines.Onnx;
using Headshots.GpuWorker.Processing;
using Headshots.Models.Diffusion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Health;

/// <summary>
/// With Worker:PreloadModels (the container image sets it), loads every model's session as soon as the models are in
/// place, so the log and /healthz say which provider each runs on before the first job, and a CUDA that cannot start
/// shows as "degraded" at once. A replica exists only to run jobs, so this costs no more than the first job would.
/// Runs in the background: the worker takes jobs meanwhile (a job waits on the same lazy session).
/// </summary>
public sealed class ModelsPreloader(IServiceProvider services, IOptions<WorkerOptions> options, ILogger<ModelsPreloader> logger) : BackgroundService
{
    static readonly string[] Models = [ModelIds.BlazeFaceFront, ModelIds.BlazeFaceBack, ModelIds.FaceMesh, ModelIds.Selfie, ModelIds.FaceEmbedding, ModelIds.Esrgan];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PreloadModels || services.GetService(typeof(OnnxModels)) is not OnnxModels models)
        {
            return Task.CompletedTask;
        }

        // The diffusion models, where the worker has them: the UNet alone takes seconds to load, better before a job.
        var diffusion = (services as IKeyedServiceProvider)?.GetKeyedService(typeof(OnnxModels), DiffusionModelsFolder.ServiceKey) as OnnxModels;
        return Task.Run(() =>
        {
            Preload(models, Models, stoppingToken);
            if (diffusion is not null) Preload(diffusion, [.. SdxlComponents.All.Select(SdxlComponents.ModelId)], stoppingToken);
        }, stoppingToken);
    }

    void Preload(OnnxModels models, IReadOnlyList<string> ids, CancellationToken stoppingToken)
    {
        foreach (var id in ids)
        {
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                // OnnxModels logs the provider each session runs on.
                models.Session(id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Model {ModelId} could not be loaded: {Reason}", id, e.Message);
            }
        }
    }
}
