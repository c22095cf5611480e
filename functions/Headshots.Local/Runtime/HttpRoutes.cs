using Headshots.Pipeline.Api;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Web;
using Microsoft.DurableTask.Client;

namespace Headshots.Local.Runtime;

/// <summary>The same routes the Functions app declares, served by Kestrel on localhost.</summary>
public static class HttpRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/shoots", async (HttpContext http, ShootsApi api) =>
        {
            var body = await ReadBodyAsync(http, ShootsApi.MaxBodyBytes);
            await WriteAsync(http, body is null
                ? ApiResponse.Problem(413, "The request is too large", $"Send at most {ShootsApi.MaxBodyBytes} bytes of JSON.")
                : await api.CreateAsync(body, http.RequestAborted));
        });
        app.MapGet("/api/shoots/{id}", async (HttpContext http, string id, ShootsApi api, DurableTaskClient client) =>
            await WriteAsync(http, await api.GetStatusAsync(id, http.Request.Query["t"].FirstOrDefault(), client, http.RequestAborted)));
        app.MapGet("/g/{token}", async (HttpContext http, string token, GalleryApi api) =>
            await WriteAsync(http, await api.PageAsync(token, http.RequestAborted)));
        app.MapGet("/g/{token}/img/{file}", async (HttpContext http, string token, string file, GalleryApi api) =>
            await WriteAsync(http, await api.ImageAsync(token, file, http.RequestAborted)));
        app.MapPost("/g/{token}/refine", async (HttpContext http, string token, RefineApi api, DurableTaskClient client) =>
        {
            var body = await ReadBodyAsync(http, RefineRequestReader.MaxBodyBytes);
            await WriteAsync(http, await api.CreateAsync(token, http.Request.ContentType, body, client, http.RequestAborted));
        });
        app.MapGet("/g/{token}/refine/{refineId}", async (HttpContext http, string token, string refineId, RefineApi api) =>
            await WriteAsync(http, await api.StatusAsync(token, refineId, http.RequestAborted)));
        app.MapGet("/", async (HttpContext http, ShootsApi api) => await WriteAsync(http, api.StartPage()));
        app.MapGet("/assets/{file}", async (HttpContext http, string file) => await WriteAsync(http, WebAssets.Serve(file)));
        app.MapGet("/s/{id}", async (HttpContext http, string id, ShootsApi api, DurableTaskClient client) =>
            await WriteAsync(http, await api.StatusPageAsync(id, http.Request.Query["t"].FirstOrDefault(), client, http.RequestAborted)));
        app.MapPost("/api/shoots/{id}/replacements", async (HttpContext http, string id, ShootsApi api) =>
        {
            var body = await ReadBodyAsync(http, ShootsApi.MaxBodyBytes);
            await WriteAsync(http, await api.ReplacementsAsync(id, http.Request.Query["t"].FirstOrDefault(), body, http.RequestAborted));
        });
        app.MapPost("/api/shoots/{id}/resend", async (HttpContext http, string id, ShootsApi api) =>
            await WriteAsync(http, await api.ResendEmailAsync(id, http.Request.Query["t"].FirstOrDefault(), http.RequestAborted)));
        app.MapPost("/api/shoots/{id}/reshoot", async (HttpContext http, string id, ShootsApi api) =>
        {
            var body = await ReadBodyAsync(http, ShootsApi.MaxBodyBytes);
            await WriteAsync(http, await api.ReshootAsync(id, http.Request.Query["t"].FirstOrDefault(), body, http.RequestAborted));
        });
        app.MapPost("/g/{token}/delete", async (HttpContext http, string token, GalleryApi api, DurableTaskClient client) =>
        {
            var body = await ReadBodyAsync(http, RefineRequestReader.MaxBodyBytes);
            await WriteAsync(http, await api.EraseAsync(token, http.Request.ContentType, body, client, http.RequestAborted));
        });
        app.MapPost("/api/shoots/{id}/delete", async (HttpContext http, string id, ShootDeleteApi api, DurableTaskClient client) =>
        {
            var body = await ReadBodyAsync(http, RefineRequestReader.MaxBodyBytes);
            await WriteAsync(http, await api.DeleteAsync(id, http.Request.Query["t"].FirstOrDefault(), http.Request.ContentType, body, client, http.RequestAborted));
        });
        app.MapGet("/g/{token}/zip", async (HttpContext http, string token, GalleryApi api) =>
            await WriteAsync(http, await api.ZipAsync(token, http.RequestAborted)));
        app.MapGet("/healthz", () => Results.Text("ok"));
    }

    /// <returns>The body as text, or null when it is larger than <paramref name="maxBytes"/> (declared or read).</returns>
    static async Task<string?> ReadBodyAsync(HttpContext http, int maxBytes) =>
        http.Request.ContentLength > maxBytes ? null : await RequestBody.ReadAsync(http.Request.Body, maxBytes, http.RequestAborted);

    public static async Task WriteAsync(HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        if (response.Stream is { } write) await write(http.Response.Body, http.RequestAborted);
        else await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
