using Headshots.Pipeline.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Headshots.Functions.Triggers;

/// <summary>GET /g/{token}, GET /g/{token}/img/{file} and GET /g/{token}/zip.</summary>
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
}
