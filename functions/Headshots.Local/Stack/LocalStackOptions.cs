namespace Headshots.Local.Stack;

/// <summary>How to run the local stack.</summary>
public sealed record LocalStackOptions
{
    public required RepositoryPaths Paths { get; init; }
    public LocalPorts Ports { get; init; } = LocalPorts.Default;
    /// <summary>Run the GPU worker (on CPU) inside this process; off when a separate worker process is used.</summary>
    public bool RunGpuWorker { get; init; } = true;
    /// <summary>Where Azurite keeps its files; by default .data/azurite in the checkout.</summary>
    public string? StorageFolder { get; init; }
    /// <summary>Configuration overrides (keys like "Pipeline:KeepPerLook").</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
    /// <summary>Log lines also go to this file (the console stays free for progress bars).</summary>
    public string? LogFile { get; init; }
    /// <summary>
    /// Services registered before the pipeline's own, which register theirs only if absent: how a test gives the
    /// cloud editing engine a credential for a local stand-in of Azure OpenAI.
    /// </summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
