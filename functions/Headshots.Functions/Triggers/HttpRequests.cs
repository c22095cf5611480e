using Headshots.Pipeline.Limits;
using Microsoft.Azure.Functions.Worker.Http;

namespace Headshots.Functions.Triggers;

internal static class HttpRequests
{
    /// <summary>The request's Content-Type header, which tells a form post from JSON; null when absent.</summary>
    public static string? ContentType(this HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Type", out var values) ? values.FirstOrDefault() : null;

    /// <summary>Who sent the request: the Function App sits behind the platform's front end, which names the client in X-Forwarded-For.</summary>
    public static RequestOrigin Origin(this HttpRequestData request) => RequestOrigin.BehindFrontEnd(
        request.Headers.TryGetValues("X-Forwarded-For", out var values) ? string.Join(',', values) : null,
        request.Headers.TryGetValues(StudioAccess.Header, out var codes) ? codes.FirstOrDefault() : null);
}
