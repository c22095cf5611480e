using Microsoft.DurableTask;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// How the orchestrations retry an activity that failed on a storage or mail fault: four attempts, one second doubling
/// to twenty. Model calls are not retried this way (their activity waits out throttling itself, and a repeat costs).
/// </summary>
public static class ActivityRetries
{
    public static TaskOptions Standard { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(20)));
}
