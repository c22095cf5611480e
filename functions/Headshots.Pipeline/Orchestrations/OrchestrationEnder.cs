using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// Ends an orchestration that may still be running, so its history can be purged: a shoot whose email waits for the
/// mail server (hours, on durable timers) is delivered or stopped for the person, yet still running for the runtime.
/// </summary>
public static class OrchestrationEnder
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <returns>False when it was still running after the wait (its history then cannot be purged yet).</returns>
    public static async Task<bool> EndAsync(DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null || instance.IsCompleted) return true;
        await client.TerminateInstanceAsync(instanceId, reason, cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Patience);
        try
        {
            await client.WaitForInstanceCompletionAsync(instanceId, wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
