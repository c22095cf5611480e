using System.Collections.Concurrent;
using Headshots.Models.Preparation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Onnx;

/// <summary>
/// One <see cref="InferenceSession"/> per model per process (sessions are thread-safe for Run, and creating one
/// costs far more than running it). Each model is checked against the SHA-256 recorded when it was prepared.
/// </summary>
public sealed class OnnxModels : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LoadedModel>> sessions = new(StringComparer.Ordinal);
    private readonly OnnxSettings settings;
    private readonly ILogger<OnnxModels> logger;

    public OnnxModels(OnnxSettings settings, ILogger<OnnxModels>? logger = null)
    {
        this.settings = settings;
        this.logger = logger ?? NullLogger<OnnxModels>.Instance;
    }

    public string ModelsFolder => settings.ModelsFolder;

    public InferenceSession Session(string modelId) => Load(modelId).Session;

    /// <summary>"CUDAExecutionProvider" or "CPUExecutionProvider": what the model actually runs on.</summary>
    public string ProviderOf(string modelId) => Load(modelId).Provider;

    public IReadOnlyDictionary<string, string> Loaded =>
        sessions.Where(s => s.Value.IsValueCreated).ToDictionary(s => s.Key, s => s.Value.Value.Provider);

    public void Dispose()
    {
        foreach (var session in sessions.Values.Where(s => s.IsValueCreated))
        {
            session.Value.Session.Dispose();
        }
    }

    private LoadedModel Load(string modelId) =>
        sessions.GetOrAdd(modelId, id => new Lazy<LoadedModel>(() => Create(id), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private LoadedModel Create(string modelId)
    {
        var path = Path.Combine(settings.ModelsFolder, $"{modelId}.onnx");
        var record = PreparedRecord(modelId);
        if (!File.Exists(path) || record is null)
        {
            throw new ModelMissingException(
                $"The model '{modelId}' is not prepared in {settings.ModelsFolder}. Run ./headshots models fetch (or the worker's `models fetch --to DIR`).");
        }

        if (SubresourceIntegrity.Sha256HexOf(path) != record.Sha256)
        {
            throw new ModelMissingException(
                $"The model file {path} does not match the SHA-256 recorded when it was prepared; run ./headshots models fetch to rebuild it.");
        }

        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = settings.IntraOpThreads > 0 ? settings.IntraOpThreads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            // Shipped models carry unused initialisers that ONNX Runtime warns about on every load.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        var provider = "CPUExecutionProvider";
        if (settings.ExecutionProvider == "cuda")
        {
            try
            {
                options.AppendExecutionProvider_CUDA(0);
                provider = "CUDAExecutionProvider";
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                logger.LogWarning("CUDA was asked for but is not available ({Reason}); model {ModelId} runs on the CPU", e.Message, modelId);
            }
        }

        var session = new InferenceSession(path, options);
        logger.LogInformation("Loaded model {ModelId} ({Sha256}) on {Provider}", modelId, record.Sha256[..12], provider);
        return new LoadedModel(session, provider);
    }

    private PreparedModel? PreparedRecord(string modelId) => ModelPreparer.ReadRecord(Path.Combine(settings.ModelsFolder, $"{modelId}.json"));

    private sealed record LoadedModel(InferenceSession Session, string Provider);
}
