using Headshots.Pipeline.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>Every hour: erases the shoots older than Privacy:RetentionDays and their orchestration histories.</summary>
public sealed class RetentionTimer(RetentionPurge purge)
{
    // At minute 17, away from the top of the hour when other schedules crowd in; a missed run is caught up at start.
    [Function(nameof(RetentionTimer))]
    public Task Run(
        [TimerTrigger("0 17 * * * *", RunOnStartup = false, UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        purge.RunAsync(client, context.CancellationToken);
}
