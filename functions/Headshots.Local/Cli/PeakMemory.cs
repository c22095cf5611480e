using System.Globalization;

namespace Headshots.Local.Cli;

/// <summary>This process's peak resident memory (Linux's VmHWM), which can be reset so each benchmark run reports its own.</summary>
internal static class PeakMemory
{
    /// <summary>Resets the peak to the current resident size (writing 5 to clear_refs); does nothing where that is not possible.</summary>
    public static void Reset()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The peak in MB since the last <see cref="Reset"/>; null off Linux.</summary>
    public static double? Megabytes() => Status("VmHWM:");

    /// <summary>The resident size in MB now; null off Linux.</summary>
    public static double? Resident() => Status("VmRSS:");

    /// <summary>A size line of /proc/self/status (in kB there), in MB.</summary>
    static double? Status(string field)
    {
        if (!File.Exists("/proc/self/status")) return null;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is not null && double.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb / 1024 : null;
    }
}
