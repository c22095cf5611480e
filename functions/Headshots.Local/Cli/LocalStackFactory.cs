using System.Globalization;
using Headshots.Local.Stack;

namespace Headshots.Local.Cli;

/// <summary>The stack options every command starts from; HEADSHOTS_PORT_BASE moves all ports (tests run stacks side by side).</summary>
public static class LocalStackFactory
{
    public static LocalStackOptions Create(RepositoryPaths paths, bool runWorker = true, IReadOnlyDictionary<string, string?>? settings = null, string? logFile = null)
    {
        var portBase = Environment.GetEnvironmentVariable("HEADSHOTS_PORT_BASE");
        var ports = portBase is null ? LocalPorts.Default
            : int.TryParse(portBase, NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first is > 1024 and < 65000
                ? LocalPorts.Block(first)
                : throw new CliException($"HEADSHOTS_PORT_BASE must be a port number between 1025 and 64999, got '{portBase}'.");
        var storage = Environment.GetEnvironmentVariable("HEADSHOTS_STORAGE_FOLDER");
        return new LocalStackOptions
        {
            Paths = paths,
            Ports = ports,
            RunGpuWorker = runWorker,
            StorageFolder = storage,
            Settings = settings ?? new Dictionary<string, string?>(),
            LogFile = logFile ?? Path.Combine(paths.Data, "logs", "headshots.log"),
            MinimumLogLevel = LogLevel.Information,
        };
    }
}
