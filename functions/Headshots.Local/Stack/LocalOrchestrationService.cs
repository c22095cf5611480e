using DurableTask.AzureStorage;
using DurableTask.Core;

namespace Headshots.Local.Stack;

/// <summary>
/// The Durable Task Azure Storage provider, with a safe stop: the sidecar stops the service from an async-void
/// handler, and the provider throws if it is stopped before its start finished (a crash of the whole process).
/// Re-implements only the start and stop members of the interface; everything else is the provider's own.
/// </summary>
public sealed class LocalOrchestrationService(AzureStorageOrchestrationServiceSettings settings)
    : AzureStorageOrchestrationService(settings), IOrchestrationService
{
    readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    Task? starting;

    /// <summary>Completes once the sidecar has started the service (a worker has connected).</summary>
    public Task WhenStarted => started.Task;

    Task IOrchestrationService.StartAsync()
    {
        starting = StartOnceAsync();
        return starting;
    }

    async Task StartOnceAsync()
    {
        await StartAsync();
        started.TrySetResult();
    }

    Task IOrchestrationService.StopAsync() => ((IOrchestrationService)this).StopAsync(false);

    async Task IOrchestrationService.StopAsync(bool isForced)
    {
        if (starting is null) return;
        try
        {
            await starting;
        }
        catch (Exception)
        {
            // A failed start has nothing to stop.
            return;
        }
        await StopAsync(isForced);
    }
}
