using System.Diagnostics;
using System.Reflection;

namespace Headshots.Infra.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with this
/// project; its folder is baked into the assembly as metadata). BICEP_PATH overrides it, e.g. on a
/// machine that is not linux-x64.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Executable = new(Locate);

    private static readonly Lazy<BicepRun> MainBuild = new(() => Run("build", Repository.MainBicep, "--stdout"));

    private static readonly Lazy<BicepRun> MainLint = new(() => Run("lint", Repository.MainBicep));

    public static string ExecutablePath => Executable.Value;

    /// <summary><c>bicep build infra-bicep/main.bicep --stdout</c>, run once per test run.</summary>
    public static BicepRun BuildMain() => MainBuild.Value;

    /// <summary><c>bicep lint infra-bicep/main.bicep</c> (lints main and every module it uses), run once.</summary>
    public static BicepRun LintMain() => MainLint.Value;

    public static BicepRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the CLI quiet and offline-friendly.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["BICEP_TRACING_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }

        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var overridePath = Environment.GetEnvironmentVariable("BICEP_PATH");
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return overridePath;
        }

        var packageRoot = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrWhiteSpace(packageRoot))
        {
            throw new InvalidOperationException(
                "The Bicep CLI package path is unknown: restore tests/Headshots.Infra.Tests (it references " +
                "Azure.Bicep.CommandLine.linux-x64), or set BICEP_PATH.");
        }

        var path = Path.Combine(packageRoot, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {path}; restore the test project or set BICEP_PATH.", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}

internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error code: message"); the CLI writes them to stderr.</summary>
    public IReadOnlyList<string> Diagnostics =>
        StandardError.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal)
                || line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();
}
