using Microsoft.Azure.Functions.Worker.Http;

namespace Headshots.Functions.Triggers;

internal static class HttpRequests
{
    /// <summary>The request's Content-Type header, which tells a form post from JSON; null when absent.</summary>
    public static string? ContentType(this HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Type", out var values) ? values.FirstOrDefault() : null;
}
