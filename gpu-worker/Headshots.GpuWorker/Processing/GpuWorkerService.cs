using Headshots.Jobs.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Processing;

/// <summary>Polls gpu-jobs and runs up to MaxConcurrentJobs jobs at a time.</summary>
public sealed class GpuWorkerService(
    StorageClients storage,
    GpuJobProcessor processor,
    Health.WorkerCounters counters,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<GpuWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var queue = storage.Queue(StorageNames.GpuJobsQueue);
        var running = new List<Task>();
        // Idle polling backs off from 25 ms to PollInterval, so a job that arrives after a pause is picked up at once.
        var idle = TimeSpan.FromMilliseconds(25);
        logger.LogInformation("GPU worker {WorkerId} started: engines {Engines}, {Slots} concurrent job(s)", o.WorkerId, o.Engines, o.MaxConcurrentJobs);
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var free = o.MaxConcurrentJobs - running.Count;
            if (free > 0)
            {
                try
                {
                    var messages = await queue.ReceiveMessagesAsync(free, o.VisibilityTimeout, stoppingToken);
                    foreach (var message in messages.Value)
                    {
                        running.Add(RunOneAsync(message, stoppingToken));
                    }
                    if (messages.Value.Length > 0)
                    {
                        idle = TimeSpan.FromMilliseconds(25);
                        continue;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not read the gpu-jobs queue; trying again");
                }
            }
            try
            {
                var wait = Task.Delay(idle, clock, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, o.PollInterval.Ticks));
                await (running.Count > 0 ? Task.WhenAny(wait, Task.WhenAny(running)) : wait);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    async Task RunOneAsync(Azure.Storage.Queues.Models.QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await processor.ProcessAsync(message, stoppingToken);
            counters.JobProcessed();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again and another worker finishes it.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure processing message {MessageId}", message.MessageId);
        }
    }
}
