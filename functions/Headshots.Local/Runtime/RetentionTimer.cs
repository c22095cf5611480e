using Headshots.Pipeline.Options;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Headshots.Local.Runtime;

/// <summary>
/// Stands in for the Function App's hourly retention timer: runs the same <see cref="RetentionPurge"/> when the local
/// studio starts and every Privacy:PurgeInterval after, on the registered <see cref="TimeProvider"/> (a test moves it).
/// </summary>
public sealed class RetentionTimer(
    RetentionPurge purge,
    DurableTaskClient client,
    IOptions<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<RetentionTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(privacy.Value.PurgeInterval, clock);
        do
        {
            try
            {
                await purge.RunAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage or the runtime not answering: the next tick tries again, and the lifecycle rule is the backstop in Azure.
                logger.LogWarning(e, "The retention purge failed; it runs again in {Interval}", privacy.Value.PurgeInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try { return await timer.WaitForNextTickAsync(token); }
        catch (OperationCanceledException) { return false; }
    }
}
