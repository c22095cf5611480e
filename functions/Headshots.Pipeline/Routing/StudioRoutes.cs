using Headshots.Pipeline.Api;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Web;
using Microsoft.AspNetCore.Http;

namespace Headshots.Pipeline.Routing;

/// <summary>
/// Every HTTP route of the studio, in one table: the local host maps each entry, and the Functions app declares a
/// trigger of the same name that hands its request to the same entry (a test holds the triggers to this table).
/// </summary>
public static class StudioRoutes
{
    public static IReadOnlyList<StudioRoute> All { get; } =
    [
        // The person's pages.
        new("StartPage", HttpMethods.Get, RouteTemplates.StartPage, UsesDurableClient: false,
            call => Task.FromResult(call.Service<ShootsApi>().StartPage())),
        new("WebAsset", HttpMethods.Get, RouteTemplates.WebAsset, UsesDurableClient: false,
            call => Task.FromResult(WebAssets.Serve(call.RouteValue("file")))),
        new("ShootStatusPage", HttpMethods.Get, RouteTemplates.ShootStatusPage, UsesDurableClient: true,
            call => call.Service<ShootsApi>().StatusPageAsync(call.RouteValue("id"), call.Query("t"), call.DurableClient, call.Aborted)),

        // The shoot API.
        new("CreateShoot", HttpMethods.Post, RouteTemplates.CreateShoot, UsesDurableClient: false, async call =>
            await call.ReadBodyAsync(ShootsApi.MaxBodyBytes) is { } body
                ? await call.Service<ShootsApi>().CreateAsync(body, call.Origin, call.Aborted)
                : ApiResponse.Problem(413, "The request is too large", $"Send at most {ShootsApi.MaxBodyBytes} bytes of JSON.")),
        new("GetShootStatus", HttpMethods.Get, RouteTemplates.GetShootStatus, UsesDurableClient: true,
            call => call.Service<ShootsApi>().GetStatusAsync(call.RouteValue("id"), call.Query("t"), call.DurableClient, call.Aborted)),
        new("ShootReplacements", HttpMethods.Post, RouteTemplates.ShootReplacements, UsesDurableClient: false, async call =>
            await call.Service<ShootsApi>().ReplacementsAsync(call.RouteValue("id"), call.Query("t"), await call.ReadBodyAsync(ShootsApi.MaxBodyBytes), call.Origin, call.Aborted)),
        new("ShootResendEmail", HttpMethods.Post, RouteTemplates.ShootResendEmail, UsesDurableClient: false,
            call => call.Service<ShootsApi>().ResendEmailAsync(call.RouteValue("id"), call.Query("t"), call.Origin, call.Aborted)),
        new("ShootReshoot", HttpMethods.Post, RouteTemplates.ShootReshoot, UsesDurableClient: false, async call =>
            await call.Service<ShootsApi>().ReshootAsync(call.RouteValue("id"), call.Query("t"), await call.ReadBodyAsync(ShootsApi.MaxBodyBytes), call.Origin, call.Aborted)),
        new("ShootDelete", HttpMethods.Post, RouteTemplates.ShootDelete, UsesDurableClient: true, async call =>
            await call.Service<ShootDeleteApi>().DeleteAsync(call.RouteValue("id"), call.Query("t"), call.ContentType,
                await call.ReadBodyAsync(RefineRequestReader.MaxBodyBytes), call.DurableClient, call.Aborted)),

        // The gallery.
        new("GalleryPage", HttpMethods.Get, RouteTemplates.GalleryPage, UsesDurableClient: false,
            call => call.Service<GalleryApi>().PageAsync(call.RouteValue("token"), call.Aborted)),
        new("GalleryImage", HttpMethods.Get, RouteTemplates.GalleryImage, UsesDurableClient: false,
            call => call.Service<GalleryApi>().ImageAsync(call.RouteValue("token"), call.RouteValue("file"), call.Aborted)),
        new("GalleryZip", HttpMethods.Get, RouteTemplates.GalleryZip, UsesDurableClient: false,
            call => call.Service<GalleryApi>().ZipAsync(call.RouteValue("token"), call.Aborted)),
        new("GalleryDelete", HttpMethods.Post, RouteTemplates.GalleryDelete, UsesDurableClient: true, async call =>
            await call.Service<GalleryApi>().EraseAsync(call.RouteValue("token"), call.ContentType, await call.ReadBodyAsync(RefineRequestReader.MaxBodyBytes),
                call.DurableClient, call.Aborted)),
        new("CreateRefine", HttpMethods.Post, RouteTemplates.CreateRefine, UsesDurableClient: true, async call =>
            await call.Service<RefineApi>().CreateAsync(call.RouteValue("token"), call.ContentType, await call.ReadBodyAsync(RefineRequestReader.MaxBodyBytes),
                call.Origin, call.DurableClient, call.Aborted)),
        new("GetRefineStatus", HttpMethods.Get, RouteTemplates.GetRefineStatus, UsesDurableClient: false,
            call => call.Service<RefineApi>().StatusAsync(call.RouteValue("token"), call.RouteValue("refineId"), call.Aborted)),
    ];

    /// <summary>The entry a Functions trigger of this name serves.</summary>
    public static StudioRoute Named(string functionName) =>
        All.FirstOrDefault(r => r.FunctionName == functionName)
        ?? throw new InvalidOperationException($"No route in StudioRoutes is named {functionName}: add it to the table, or name the trigger after its entry.");
}
