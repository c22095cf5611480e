using Headshots.Pipeline.Api;
using Microsoft.Azure.Functions.Worker.Http;

namespace Headshots.Functions.Triggers;

internal static class HttpResponses
{
    public static async Task<HttpResponseData> ToResponseAsync(this HttpRequestData request, ApiResponse response)
    {
        var http = request.CreateResponse((System.Net.HttpStatusCode)response.StatusCode);
        http.Headers.Add("Content-Type", response.ContentType);
        foreach (var (name, value) in response.Headers) http.Headers.Add(name, value);
        if (response.Stream is { } write) await write(http.Body, CancellationToken.None);
        else await http.Body.WriteAsync(response.Body);
        return http;
    }
}
