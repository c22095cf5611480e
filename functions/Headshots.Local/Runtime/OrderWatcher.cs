using Azure.Storage.Blobs.Models;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Intake;
using Microsoft.DurableTask.Client;

namespace Headshots.Local.Runtime;

/// <summary>
/// Stands in for the Event Grid blob trigger: notices each new uploads/{shootId}/order.json and hands it to the
/// same <see cref="OrderIntake"/> the Functions app calls. Seeing an order twice is harmless (instance id = shoot id).
/// </summary>
public sealed class OrderWatcher(
    StorageClients storage,
    OrderIntake intake,
    DurableTaskClient client,
    TimeProvider clock,
    ILogger<OrderWatcher> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    readonly HashSet<string> handled = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uploads = storage.Container(StorageNames.UploadsContainer);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await foreach (var blob in uploads.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, stoppingToken))
                {
                    var parts = blob.Name.Split('/');
                    if (parts.Length != 2 || parts[1] != UploadLayout.OrderFileName) continue;
                    var key = $"{blob.Name}@{blob.Properties.ETag}";
                    if (handled.Contains(key)) continue;
                    var content = await uploads.GetBlobClient(blob.Name).DownloadContentAsync(stoppingToken);
                    await intake.HandleAsync(parts[0], content.Value.Content, client, stoppingToken);
                    handled.Add(key);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Watching for orders failed; trying again");
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
