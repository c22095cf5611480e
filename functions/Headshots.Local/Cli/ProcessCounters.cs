using System.Globalization;

namespace Headshots.Local.Cli;

/// <summary>
/// What Linux counts for this process and the servers it started (its child processes: the storage emulator and the
/// mail server when this process started them): this process's minor page faults, which on this kind of machine are
/// a large part of image work's cost and do not vary with the machine's speed, and each child's processor time.
/// </summary>
public sealed record ProcessCounters(long MinorFaults, IReadOnlyList<ChildProcessor> Children)
{
    /// <summary>Linux reports processor time in clock ticks of 1/100 s (USER_HZ, fixed for user space on Linux).</summary>
    const double TicksPerSecond = 100;

    /// <summary>The counters now; no faults and no children off Linux.</summary>
    public static ProcessCounters Read()
    {
        if (Stat("/proc/self/stat") is not { } self) return new ProcessCounters(0, []);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var children = new List<ChildProcessor>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var childPid)) continue;
            if (Stat(Path.Combine(folder, "stat")) is { } child && child.Fields[1] == pid)
            {
                children.Add(new ChildProcessor(childPid, child.Name, (Field(child, 11) + Field(child, 12)) / TicksPerSecond));
            }
        }
        return new ProcessCounters(Field(self, 7), children);
    }

    /// <summary>What happened between <paramref name="before"/> and this reading; a child that was not there before counts from zero.</summary>
    public ProcessCounters Since(ProcessCounters before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new ProcessCounters(MinorFaults - before.MinorFaults, [.. Children.Select(c =>
            c with { Seconds = c.Seconds - (before.Children.FirstOrDefault(b => b.Pid == c.Pid)?.Seconds ?? 0) })]);
    }

    /// <summary>A process's name (between the parentheses of /proc/[pid]/stat, which may hold spaces) and the fields after it, from "state" on.</summary>
    sealed record StatLine(string Name, string[] Fields);

    static StatLine? Stat(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException) { return null; } // the process ended while the folder was listed
        catch (UnauthorizedAccessException) { return null; }
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        return open < 0 || close < open ? null
            : new StatLine(text[(open + 1)..close], text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Field <paramref name="index"/> counted from "state" (0): minflt is 7, utime 11, stime 12 (proc(5) numbers them 10, 14 and 15).</summary>
    static long Field(StatLine line, int index) => long.Parse(line.Fields[index], NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>A child process of this one and the processor time it has used (user and kernel), in seconds.</summary>
public sealed record ChildProcessor(int Pid, string Name, double Seconds);
