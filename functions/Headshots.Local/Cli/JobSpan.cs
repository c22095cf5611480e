using System.Globalization;
using Headshots.Jobs.Protocol;

namespace Headshots.Local.Cli;

/// <summary>
/// When one kind of job ran in a benchmark shoot, in seconds after the order was uploaded: the first queued, the first
/// started and the last completed, and the seconds its jobs ran in all. Busy time over the span shows how much of the
/// stage's wall time the worker spent on it, and the gaps between stages what waiting (queues, orchestration) cost.
/// </summary>
public sealed record JobSpan(double FirstQueued, double FirstStarted, double LastCompleted, double RunSeconds)
{
    public static JobSpan Of(IEnumerable<JobEntity> jobs, DateTimeOffset orderedAt)
    {
        var rows = jobs.ToList();
        double After(DateTimeOffset? at) => at is { } t ? (t - orderedAt).TotalSeconds : double.NaN;
        return new JobSpan(
            rows.Select(j => After(j.QueuedAt)).DefaultIfEmpty(double.NaN).Min(),
            rows.Select(j => After(j.StartedAt)).DefaultIfEmpty(double.NaN).Min(),
            rows.Select(j => After(j.CompletedAt)).DefaultIfEmpty(double.NaN).Max(),
            rows.Sum(j => j.GpuSeconds));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"first_queued={FirstQueued:0.0} first_started={FirstStarted:0.0} last_completed={LastCompleted:0.0} run_seconds={RunSeconds:0.0}");
}
