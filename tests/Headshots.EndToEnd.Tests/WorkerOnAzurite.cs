using Azure.Storage.Queues;
using Headshots.GpuWorker;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// The worker's services on the fixture's Azurite with both job queues emptied: for tests that drive the job
/// protocol one message at a time, without a queue loop of their own.
/// </summary>
internal sealed record WorkerOnAzurite(ServiceProvider Services, StorageClients Storage, QueueClient Jobs, QueueClient Results)
{
    public static async Task<WorkerOnAzurite> StartAsync(LocalStudioFixture studio, IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings) { ["Storage:ConnectionString"] = AzuriteConnection.For(studio.Ports) };
        var services = new ServiceCollection().AddLogging().AddGpuWorker(new ConfigurationBuilder().AddInMemoryCollection(all).Build()).BuildServiceProvider();
        var storage = services.GetRequiredService<StorageClients>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var worker = new WorkerOnAzurite(services, storage, storage.Queue(StorageNames.GpuJobsQueue), storage.Queue(StorageNames.GpuResultsQueue));
        await worker.Jobs.ClearMessagesAsync();
        await worker.Results.ClearMessagesAsync();
        return worker;
    }
}
