using Headshots.Engines.Onnx;
using Headshots.GpuWorker.Processing;
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

        return Task.Run(() =>
        {
            foreach (var id in Models)
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
        }, stoppingToken);
    }
}
