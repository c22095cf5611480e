using Headshots.Pipeline.Api;
using Headshots.Pipeline.Refine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>POST /g/{token}/refine and GET /g/{token}/refine/{refineId}.</summary>
public sealed class RefineHttp(RefineApi api)
{
    [Function("CreateRefine")]
    public async Task<HttpResponseData> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "g/{token}/refine")] HttpRequestData request,
        string token,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var body = await RequestBody.ReadAsync(request.Body, RefineRequestReader.MaxBodyBytes, context.CancellationToken);
        return await request.ToResponseAsync(await api.CreateAsync(token, request.ContentType(), body, request.Origin(), client, context.CancellationToken));
    }

    [Function("GetRefineStatus")]
    public async Task<HttpResponseData> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "g/{token}/refine/{refineId}")] HttpRequestData request,
        string token,
        string refineId,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.StatusAsync(token, refineId, context.CancellationToken));
}
