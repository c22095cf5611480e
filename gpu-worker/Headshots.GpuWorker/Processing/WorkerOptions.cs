using System.ComponentModel.DataAnnotations;

namespace Headshots.GpuWorker.Processing;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>How long a dequeued job stays invisible; renewed while the job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "02:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many deliveries a job is poison: it ends as a failed job, never as a hung shoot.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    /// <summary>The longest wait between polls of an idle queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// "models" (the ONNX face models and learned upscaler with classical imaging), "classical" (image processing
    /// only, no models), or "noop" (copies inputs; for the orchestration benchmark).
    /// </summary>
    [RegularExpression("^(models|classical|noop)$", ErrorMessage = "Worker:Engines must be 'models', 'classical' or 'noop'.")]
    public string Engines { get; set; } = "models";

    /// <summary>"cpu" locally and in CI; "cuda" in the GPU container (falls back to the CPU, logged, without a GPU).</summary>
    [RegularExpression("^(cpu|cuda)$", ErrorMessage = "Worker:ExecutionProvider must be 'cpu' or 'cuda'.")]
    public string ExecutionProvider { get; set; } = "cpu";

    /// <summary>
    /// The folder with the prepared models (<c>models fetch</c> output). Empty: the image's own <c>models</c> folder
    /// next to the program, else the checkout's <c>.cache/models</c>.
    /// </summary>
    public string ModelsPath { get; set; } = "";

    /// <summary>
    /// The folder with the SDXL inpainting models (<c>models fetch --diffusion</c> output: <c>{component}/model.onnx</c>
    /// with their records). Empty: <c>diffusion</c> under the models folder, and the diffuse job exists only if the
    /// models are there; set, the job is registered and a missing model fails its jobs with the fetch command to run.
    /// </summary>
    public string DiffusionModelsPath { get; set; } = "";

    /// <summary>A blob container holding prepared models; missing or stale ones are copied from it at start.</summary>
    public string? ModelsContainer { get; set; }

    /// <summary>Threads per inference; 0 = one per core.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// The port of GET /healthz (status, execution provider, loaded models, jobs processed); unset = no listener.
    /// The container image sets 8080; in-process (local runtime, tests) it stays off.
    /// </summary>
    [Range(0, 65535)]
    public int? HealthPort { get; set; }

    /// <summary>Listen on 127.0.0.1 only (tests); the container listens on every interface for the platform's probes.</summary>
    public bool HealthLoopbackOnly { get; set; }

    /// <summary>Load every model's session at start (the container image sets it); otherwise each loads on first use.</summary>
    public bool PreloadModels { get; set; }

    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
