using Headshots.Jobs.Storage;
using Headshots.Pipeline.Intake;
using Microsoft.DurableTask.Client;

namespace Headshots.Local.Runtime;

/// <summary>Stands in for the gpu-results queue trigger: forwards each result to its orchestration, then deletes it.</summary>
public sealed class ResultsListener(
    StorageClients storage,
    GpuResultForwarder forwarder,
    DurableTaskClient client,
    TimeProvider clock,
    ILogger<ResultsListener> logger) : BackgroundService
{
    static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(200);
    static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = storage.Queue(StorageNames.GpuResultsQueue);
        var poison = storage.Queue(StorageNames.GpuResultsQueue + "-poison");
        var idle = ShortestWait;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(32, Visibility, stoppingToken)).Value;
                // A stage's results arrive together; forwarding them in parallel keeps the last one from queueing behind the rest.
                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken }, async (message, ct) =>
                {
                    if (!await forwarder.ForwardAsync(message.MessageText, client, ct))
                    {
                        await poison.CreateIfNotExistsAsync(cancellationToken: ct);
                        await poison.SendMessageAsync(message.MessageText, ct);
                    }
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                });
                if (messages.Length > 0)
                {
                    idle = ShortestWait;
                    continue;
                }
                await Task.Delay(idle, clock, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, LongestWait.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The message stays on the queue and comes back after its visibility timeout.
                logger.LogWarning(e, "Forwarding GPU results failed; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
