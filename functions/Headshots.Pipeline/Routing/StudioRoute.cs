using Headshots.Pipeline.Api;
using Headshots.Pipeline.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Routing;

/// <summary>
/// One HTTP endpoint of the studio. The Functions app declares it as the HTTP trigger named
/// <see cref="FunctionName"/>, the local host maps it on Kestrel, and both answer it with <see cref="Handle"/>.
/// </summary>
/// <param name="Template">The route without a leading slash, as a Functions trigger writes it ("" is the site root).</param>
/// <param name="UsesDurableClient">Whether <see cref="Handle"/> talks to the orchestrations: the Functions trigger then binds a durable client.</param>
public sealed record StudioRoute(string FunctionName, string Method, string Template, bool UsesDurableClient, Func<RouteCall, Task<ApiResponse>> Handle)
{
    /// <summary>The names of the template's parameters ("token", "file"), which each host fills in its own way.</summary>
    public IReadOnlyList<string> Parameters { get; } = RoutePatternFactory.Parse(Template).Parameters.Select(p => p.Name).ToList();

    /// <summary>Runs the handler for a request whose route values are set, and writes its response to <paramref name="http"/>.</summary>
    public async Task ServeAsync(HttpContext http, IServiceProvider services, DurableTaskClient? durableClient, RequestOrigin origin)
    {
        var response = await Handle(new RouteCall(this, http, services, durableClient, origin));
        await ApiResponseWriter.WriteAsync(http, response);
    }
}
