using System.Diagnostics;
using System.Text.Json;

namespace Headshots.Models.Preparation;

/// <summary>
/// <c>npm pack NAME@VERSION</c>: npm fetches the tarball from whatever registry it is configured with (no host
/// here), through its own cache, without installing or running anything from the package.
/// </summary>
public sealed class NpmPackageSource : IPackageSource
{
    public async Task<string> PackAsync(string package, string version, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", $"{package}@{version}", "--json", "--ignore-scripts", "--pack-destination", folder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ModelConversionException("npm could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ModelConversionException("npm is not installed; install Node.js with npm to prepare the models.", e);
        }

        using (process)
        {
            using var registration = cancellationToken.Register(() => { try { process.Kill(true); } catch (InvalidOperationException) { } });
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var error = (await stderr).Trim();
                throw new ModelConversionException($"npm pack {package}@{version} failed (exit {process.ExitCode}): {LastLines(error)}");
            }

            using var json = JsonDocument.Parse(await stdout);
            var filename = json.RootElement[0].GetProperty("filename").GetString()
                ?? throw new ModelConversionException($"npm pack {package}@{version} did not name its tarball.");
            return Path.Combine(folder, Path.GetFileName(filename));
        }
    }

    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }
}
