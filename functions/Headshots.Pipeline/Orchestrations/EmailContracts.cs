namespace Headshots.Pipeline.Orchestrations;

/// <summary>The email's retry schedule, fixed when the shoot starts (<c>EmailRetry:*</c>) so replays see the same waits.</summary>
public sealed record EmailRetrySettings(TimeSpan FirstWait, double Growth, TimeSpan MaxWait, TimeSpan GiveUpAfter)
{
    /// <summary>For shoots started before the schedule was configurable: the defaults of <c>EmailRetryOptions</c>.</summary>
    public static EmailRetrySettings Default { get; } = new(TimeSpan.FromMinutes(1), 2, TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    /// <summary>The wait after <paramref name="failedTries"/> failed tries (1 = after the first).</summary>
    public TimeSpan WaitAfter(int failedTries)
    {
        var wait = FirstWait.TotalMilliseconds * Math.Pow(Growth, Math.Max(0, failedTries - 1));
        return TimeSpan.FromMilliseconds(Math.Min(wait, MaxWait.TotalMilliseconds));
    }
}

/// <summary>Where the person's email stands, as the shoots row, the status API, the status page and the gallery say.</summary>
public static class EmailStates
{
    /// <summary>Not sent yet: the first try is under way, or the mail server did not answer and a retry is scheduled.</summary>
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>The mail server did not answer for <c>EmailRetry:GiveUpAfter</c>: "email not sent"; the gallery is unaffected.</summary>
    public const string GivenUp = "given_up";
}
