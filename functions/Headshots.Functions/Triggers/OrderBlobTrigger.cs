using Headshots.Pipeline.Intake;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>uploads/{shootId}/order.json created → start the shoot (Event Grid–sourced: required on Flex Consumption).</summary>
public sealed class OrderBlobTrigger(OrderIntake intake)
{
    [Function(nameof(OrderBlobTrigger))]
    public Task Run(
        [BlobTrigger("uploads/{shootId}/order.json", Source = BlobTriggerSource.EventGrid, Connection = "Storage")] BinaryData order,
        string shootId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        intake.HandleAsync(shootId, order, client, context.CancellationToken);
}
