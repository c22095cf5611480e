namespace Headshots.EndToEnd.Tests;

/// <summary>
/// The system clock moved forward by a test: dates the studio reads (creation, expiry, retention) jump ahead, while
/// timers keep real time, so the local runtime's watchers and the retention timer still tick.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
