using Headshots.Pipeline.Api;
using Headshots.Pipeline.Refine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>GET /g/{token}, GET /g/{token}/img/{file}, GET /g/{token}/zip and POST /g/{token}/delete.</summary>
public sealed class GalleryHttp(GalleryApi api)
{
    [Function("GalleryPage")]
    public async Task<HttpResponseData> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "g/{token}")] HttpRequestData request,
        string token,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.PageAsync(token, context.CancellationToken));

    [Function("GalleryImage")]
    public async Task<HttpResponseData> Image(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "g/{token}/img/{file}")] HttpRequestData request,
        string token,
        string file,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.ImageAsync(token, file, context.CancellationToken));

    [Function("GalleryZip")]
    public async Task<HttpResponseData> Zip(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "g/{token}/zip")] HttpRequestData request,
        string token,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.ZipAsync(token, context.CancellationToken));

    [Function("GalleryDelete")]
    public async Task<HttpResponseData> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "g/{token}/delete")] HttpRequestData request,
        string token,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var body = await RequestBody.ReadAsync(request.Body, RefineRequestReader.MaxBodyBytes, context.CancellationToken);
        return await request.ToResponseAsync(await api.EraseAsync(token, request.ContentType(), body, client, context.CancellationToken));
    }
}
