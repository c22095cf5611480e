using Headshots.Pipeline.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>GET /g/{token}, GET /g/{token}/img/{file}, GET /g/{token}/zip and POST /g/{token}/delete.</summary>
public static class GalleryHttp
{
    [Function("GalleryPage")]
    public static Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.GalleryPage)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("GalleryImage")]
    public static Task<IActionResult> Image(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.GalleryImage)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("GalleryZip")]
    public static Task<IActionResult> Zip(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.GalleryZip)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("GalleryDelete")]
    public static Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.GalleryDelete)] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        request.ServeAsync(context, client);
}
