using Headshots.Pipeline.Limits;
using System.Globalization;
using Headshots.Pipeline.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>Hands an HTTP trigger's request to the <see cref="StudioRoutes"/> entry of the same name.</summary>
internal static class RouteTriggers
{
    /// <summary>
    /// The worker's ASP.NET Core request carries no route values (the Functions host did the routing), so the
    /// template's parameters are copied from the invocation's binding data first. The handler writes the response
    /// itself, streaming downloads; the empty result leaves it as written.
    /// </summary>
    public static async Task<IActionResult> ServeAsync(this HttpRequest request, FunctionContext context, DurableTaskClient? durableClient = null)
    {
        var route = StudioRoutes.Named(context.FunctionDefinition.Name);
        var bindingData = context.BindingContext.BindingData;
        foreach (var name in route.Parameters)
        {
            request.RouteValues[name] = bindingData.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        }
        // The Function App sits behind the platform's front end, which names the client in X-Forwarded-For.
        var origin = RequestOrigin.BehindFrontEnd(
            request.Headers.TryGetValue("X-Forwarded-For", out var forwarded) ? string.Join(',', forwarded.ToArray()) : null,
            request.Headers.TryGetValue(StudioAccess.Header, out var codes) ? codes.FirstOrDefault() : null);
        await route.ServeAsync(request.HttpContext, context.InstanceServices, durableClient, origin);
        return new EmptyResult();
    }
}
