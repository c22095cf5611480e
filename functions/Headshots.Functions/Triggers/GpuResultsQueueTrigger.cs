using Headshots.Pipeline.Intake;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>A message on gpu-results → the event "job:{jobId}" on the waiting orchestration.</summary>
public sealed class GpuResultsQueueTrigger(GpuResultForwarder forwarder)
{
    [Function(nameof(GpuResultsQueueTrigger))]
    public Task Run(
        [QueueTrigger("gpu-results", Connection = "Storage")] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        // A message that is not a result is logged and dropped; a failure to raise is thrown, so the host retries it.
        forwarder.ForwardAsync(message, client, context.CancellationToken);
}
