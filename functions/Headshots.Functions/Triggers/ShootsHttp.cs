using Headshots.Pipeline.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>POST /api/shoots, GET /api/shoots/{id}?t=… (the status token), replacement photos, reshoots, the email sent again and deletion.</summary>
public static class ShootsHttp
{
    [Function("CreateShoot")]
    public static Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CreateShoot)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("GetShootStatus")]
    public static Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.GetShootStatus)] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        request.ServeAsync(context, client);

    [Function("ShootReplacements")]
    public static Task<IActionResult> Replacements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.ShootReplacements)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("ShootResendEmail")]
    public static Task<IActionResult> ResendEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.ShootResendEmail)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);

    [Function("ShootDelete")]
    public static Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.ShootDelete)] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        request.ServeAsync(context, client);

    [Function("ShootReshoot")]
    public static Task<IActionResult> Reshoot(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.ShootReshoot)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);
}
