using Headshots.Pipeline.Api;
using Headshots.Pipeline.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Pipeline.Routing;

/// <summary>What a route's handler gets from either host: the request, the app's services and, where declared, a durable client.</summary>
/// <param name="Origin">Who sent the request, as the host can tell (the abuse limits count by it).</param>
public sealed record RouteCall(StudioRoute Route, HttpContext Http, IServiceProvider Services, DurableTaskClient? DurableClientOrNull, RequestOrigin Origin)
{
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The request's Content-Type header, which tells a form post from JSON; null when absent.</summary>
    public string? ContentType => Http.Request.ContentType;

    /// <summary>The orchestrations' client; only routes declared with <see cref="StudioRoute.UsesDurableClient"/> have one.</summary>
    public DurableTaskClient DurableClient => DurableClientOrNull ?? throw new InvalidOperationException(
        $"The route {Route.FunctionName} has no durable client: declare it with UsesDurableClient in StudioRoutes (the Functions trigger must then bind [DurableClient]).");

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A parameter of the route's template ("token" in g/{token}).</summary>
    public string RouteValue(string name) =>
        Http.Request.RouteValues[name] as string
        ?? throw new InvalidOperationException($"The route {Route.FunctionName} ({Route.Template}) has no value for {{{name}}}: the handler asks for a parameter its template lacks.");

    /// <summary>The first value of a query parameter ("t", the status token); null when absent.</summary>
    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault();

    /// <returns>The body as text, or null when it is larger than <paramref name="maxBytes"/> (declared or read).</returns>
    public async Task<string?> ReadBodyAsync(int maxBytes) =>
        Http.Request.ContentLength > maxBytes ? null : await RequestBody.ReadAsync(Http.Request.Body, maxBytes, Aborted);
}
