using Headshots.Pipeline.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>POST /g/{token}/refine and GET /g/{token}/refine/{refineId}.</summary>
public static class RefineHttp
{
    [Function("CreateRefine")]
    public static Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CreateRefine)] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        request.ServeAsync(context, client);

    [Function("GetRefineStatus")]
    public static Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.GetRefineStatus)] HttpRequest request, FunctionContext context) =>
        request.ServeAsync(context);
}
