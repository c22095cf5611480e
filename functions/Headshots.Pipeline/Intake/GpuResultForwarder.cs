using System.Text.Json;
using Headshots.Jobs.Protocol;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Intake;

/// <summary>Turns a gpu-results message into the event "job:{jobId}" on the waiting orchestration.</summary>
public sealed class GpuResultForwarder(ILogger<GpuResultForwarder> logger)
{
    /// <returns>false when the message is not a result at all (it is logged and must be dropped, not retried).</returns>
    public async Task<bool> ForwardAsync(string messageText, DurableTaskClient client, CancellationToken cancellationToken)
    {
        GpuJobResult result;
        try
        {
            result = JobJson.Deserialize<GpuJobResult>(messageText);
        }
        catch (JsonException e)
        {
            logger.LogError("Dropping a gpu-results message that is not a job result: {Error}", e.Message);
            return false;
        }
        if (string.IsNullOrWhiteSpace(result.JobId) || string.IsNullOrWhiteSpace(result.InstanceId))
        {
            logger.LogError("Dropping a gpu-results message without jobId or instanceId");
            return false;
        }
        await client.RaiseEventAsync(result.InstanceId, GpuJobMessage.EventName(result.JobId), result, cancellationToken);
        return true;
    }
}
