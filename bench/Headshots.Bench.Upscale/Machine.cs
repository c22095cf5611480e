namespace Headshots.Bench.Upscale;

internal static class Machine
{
    /// <summary>The 1-minute load average: other work on the machine slows every number here.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
