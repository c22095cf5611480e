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

    /// <summary>The models loaded so far, what each runs on and the SHA-256 it was checked against (the worker's health endpoint).</summary>
    public IReadOnlyList<LoadedModelInfo> LoadedModels =>
        sessions.Where(s => s.Value.IsValueCreated).Select(s => new LoadedModelInfo(s.Key, s.Value.Value.Provider, s.Value.Value.Sha256))
            .OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>The execution providers this build of ONNX Runtime carries (CUDA only in the GPU container's build).</summary>
    public static IReadOnlyList<string> AvailableProviders()
    {
        try
        {
            return OrtEnv.Instance().GetAvailableProviders();
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            return [];
        }
    }

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
        // Intra-op threads that wait for work sleep rather than spin: the worker runs two jobs at once on as many cores
        // (and the composer's own loops beside them), where a spinning thread only takes the core another job needs.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var provider = "CPUExecutionProvider";
        if (settings.ExecutionProvider == "cuda" && !AvailableProviders().Contains("CUDAExecutionProvider"))
        {
            // The CPU build of ONNX Runtime (local, CI) has no CUDA provider at all; say so rather than fail on append.
            logger.LogWarning("CUDA was asked for but this ONNX Runtime build has no CUDA provider; model {ModelId} runs on the CPU", modelId);
        }
        else if (settings.ExecutionProvider == "cuda")
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
        return new LoadedModel(session, provider, record.Sha256);
    }

    private PreparedModel? PreparedRecord(string modelId) => ModelPreparer.ReadRecord(Path.Combine(settings.ModelsFolder, $"{modelId}.json"));

    private sealed record LoadedModel(InferenceSession Session, string Provider, string Sha256);
}

/// <summary>A loaded model: its id, the provider its session runs on, and its checked SHA-256.</summary>
public sealed record LoadedModelInfo(string Id, string Provider, string Sha256);
