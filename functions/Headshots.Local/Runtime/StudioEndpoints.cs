using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Routing;
using Microsoft.DurableTask.Client;

namespace Headshots.Local.Runtime;

/// <summary>The studio's route table, served by Kestrel on localhost as the Functions app's triggers serve it in Azure.</summary>
public static class StudioEndpoints
{
    public static void Map(WebApplication app)
    {
        foreach (var route in StudioRoutes.All)
        {
            app.MapMethods("/" + route.Template, [route.Method], (HttpContext http) => route.ServeAsync(http, http.RequestServices,
                    // Only the routes that declare it get a client, as only their triggers bind one in Azure.
                    route.UsesDurableClient ? http.RequestServices.GetRequiredService<DurableTaskClient>() : null,
                    // Kestrel faces the client directly here (no proxy), so the connection's address is the client's.
                    new RequestOrigin(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers[StudioAccess.Header].FirstOrDefault())))
                .WithName(route.FunctionName);
        }
        app.MapGet("/healthz", () => Results.Text("ok"));
    }
}
