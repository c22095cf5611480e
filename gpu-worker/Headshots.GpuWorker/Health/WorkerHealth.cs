using Headshots.Engines.Onnx;
using Headshots.GpuWorker.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Health;

/// <summary>Counts what the worker has done since it started, for the health report.</summary>
public sealed class WorkerCounters
{
    long jobsProcessed;

    public long JobsProcessed => Interlocked.Read(ref jobsProcessed);

    public void JobProcessed() => Interlocked.Increment(ref jobsProcessed);
}

public sealed record ModelHealth(string Id, string Provider, string Sha256);

/// <param name="Status">"ok", or "degraded" when CUDA was asked for and a model runs on the CPU (slow, but working).</param>
/// <param name="ExecutionProvider">What the worker was configured with (Worker:ExecutionProvider).</param>
/// <param name="AvailableProviders">What this ONNX Runtime build carries; CUDAExecutionProvider only in the GPU build.</param>
/// <param name="Models">The models loaded so far (they load on first use) and the provider each session runs on.</param>
public sealed record WorkerHealthReport(
    string Status,
    string WorkerId,
    string Engines,
    string ExecutionProvider,
    IReadOnlyList<string> AvailableProviders,
    IReadOnlyList<ModelHealth> Models,
    long JobsProcessed);

/// <summary>Builds the health report from the worker's options, its counters and the ONNX sessions loaded so far.</summary>
public sealed class WorkerHealth(IOptions<WorkerOptions> options, WorkerCounters counters, IServiceProvider services)
{
    public WorkerHealthReport Report()
    {
        var o = options.Value;
        // The ONNX engines exist only with Worker:Engines = models; "classical" and "noop" load no models.
        var onnx = services.GetService(typeof(OnnxModels)) as OnnxModels;
        // The diffusion models have their own loader over their own folder, where the worker has them at all.
        var diffusion = (services as IKeyedServiceProvider)?.GetKeyedService(typeof(OnnxModels), DiffusionModelsFolder.ServiceKey) as OnnxModels;
        var models = new[] { onnx, diffusion }.OfType<OnnxModels>().SelectMany(m => m.LoadedModels)
            .Select(m => new ModelHealth(m.Id, m.Provider, m.Sha256)).ToList();
        var available = o.Engines == "models" ? OnnxModels.AvailableProviders() : [];
        var degraded = o.ExecutionProvider == "cuda"
            && (models.Any(m => m.Provider != "CUDAExecutionProvider") || (o.Engines == "models" && !available.Contains("CUDAExecutionProvider")));
        return new WorkerHealthReport(degraded ? "degraded" : "ok", o.WorkerId, o.Engines, o.ExecutionProvider, available, models, counters.JobsProcessed);
    }
}
