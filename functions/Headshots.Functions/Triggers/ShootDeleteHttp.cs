using Headshots.Pipeline.Api;
using Headshots.Pipeline.Refine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>POST /api/shoots/{id}/delete?t=…: the status page's "delete everything" (and ./headshots delete).</summary>
public sealed class ShootDeleteHttp(ShootDeleteApi api)
{
    [Function("ShootDelete")]
    public async Task<HttpResponseData> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/shoots/{id}/delete")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var body = await RequestBody.ReadAsync(request.Body, RefineRequestReader.MaxBodyBytes, context.CancellationToken);
        return await request.ToResponseAsync(await api.DeleteAsync(id, request.Query["t"], request.ContentType(), body, client, context.CancellationToken));
    }
}
