using System.Diagnostics;

namespace Headshots.Local.Cli;

/// <summary>
/// A fixed piece of work, timed: a benchmark runs it just before and just after a shoot, so its figures can be read
/// against the machine's speed at the time. On the 2-core development machine the same code took from 57 to 79 s for a
/// whole shoot within an hour (2026-12-08), and nothing the process can see (steal time is not reported) says why. The
/// work is its own, not the engines', so it stays comparable across changes to them: 48 MB of fresh memory written
/// (the first touches a 16 MP image costs) and a three-tap integer filter over it on every core.
/// </summary>
public static class MachineSpeed
{
    const int Repeats = 5;
    const int Bytes = 48 * 1024 * 1024;
    const int Row = 16 * 1024;

    /// <summary>The median milliseconds of <see cref="Repeats"/> runs of the work.</summary>
    public static double CalibrationMilliseconds()
    {
        var times = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Work(i);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Repeats / 2];
    }

    static long Work(int seed)
    {
        var input = GC.AllocateUninitializedArray<byte>(Bytes);
        var output = GC.AllocateUninitializedArray<byte>(Bytes);
        Parallel.For(0, Bytes / Row, r =>
        {
            var row = input.AsSpan(r * Row, Row);
            for (var i = 0; i < row.Length; i++) row[i] = (byte)((i * 31) + r + seed);
        });
        long total = 0;
        Parallel.For(0, Bytes / Row, () => 0L, (r, _, sum) =>
        {
            var from = input.AsSpan(r * Row, Row);
            var to = output.AsSpan(r * Row, Row);
            for (var i = 1; i < from.Length - 1; i++)
            {
                to[i] = (byte)((from[i - 1] + (2 * from[i]) + from[i + 1] + 2) >> 2);
                sum += to[i];
            }

            return sum;
        }, sum => Interlocked.Add(ref total, sum));
        return total;
    }
}
