using Headshots.Pipeline.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>The person's pages: GET / (start a shoot), GET /s/{id}?t=… (its status) and GET /assets/{file}.</summary>
public static class WebHttp
{
    // The host's own home page must be off (AzureWebJobsDisableHomepage) for this route to answer "/".
    [Function("StartPage")]
    public static Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StartPage)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("WebAsset")]
    public static Task<IActionResult> Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.WebAsset)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("ShootStatusPage")]
    public static Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.ShootStatusPage)] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        request.ServeAsync(context, client);
}
