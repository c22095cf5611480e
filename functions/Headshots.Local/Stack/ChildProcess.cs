using System.Diagnostics;
using System.Text;

namespace Headshots.Local.Stack;

/// <summary>A helper server started by the local stack; its output is kept for error messages and stopped with the stack.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder tail = new();

    ChildProcess(Process process) => this.process = process;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start {fileName}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => process.HasExited;

    public string Tail
    {
        get { lock (tail) return tail.Length == 0 ? "(no output)" : "Its last output: " + tail; }
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (tail)
        {
            tail.AppendLine(line);
            if (tail.Length > 4000) tail.Remove(0, tail.Length - 4000);
        }
    }

    /// <summary>
    /// Asks the server to stop (SIGTERM) and waits for it, and only then kills it. Azurite keeps its tables in memory
    /// and writes them to disk on a timer and when it closes: killed outright, it loses the last seconds of writes
    /// (a delivered shoot would read back as still running after the next start).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            if (!OperatingSystem.IsWindows() && NativeSignals.Terminate(process.Id))
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
    }
}
