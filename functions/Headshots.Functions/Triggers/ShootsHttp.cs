using Headshots.Pipeline.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>POST /api/shoots and GET /api/shoots/{id}?t=… (the status token).</summary>
public sealed class ShootsHttp(ShootsApi api)
{
    [Function("CreateShoot")]
    public async Task<HttpResponseData> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/shoots")] HttpRequestData request,
        FunctionContext context)
    {
        var body = await RequestBody.ReadAsync(request.Body, ShootsApi.MaxBodyBytes, context.CancellationToken);
        return await request.ToResponseAsync(body is null
            ? ApiResponse.Problem(413, "The request is too large", $"Send at most {ShootsApi.MaxBodyBytes} bytes of JSON.")
            : await api.CreateAsync(body, request.Origin(), context.CancellationToken));
    }

    [Function("GetShootStatus")]
    public async Task<HttpResponseData> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/shoots/{id}")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.GetStatusAsync(id, request.Query["t"], client, context.CancellationToken));
}
