using Headshots.Pipeline.Api;
using Microsoft.AspNetCore.Http;

namespace Headshots.Pipeline.Routing;

/// <summary>Writes an <see cref="ApiResponse"/> to an ASP.NET Core response, the same in both hosts.</summary>
public static class ApiResponseWriter
{
    public static async Task WriteAsync(HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        // Downloads go to the response body as they are read: the host sends them on without holding them whole.
        if (response.Stream is { } write) await write(http.Response.Body, http.RequestAborted);
        else await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
