using Headshots.Pipeline.Limits;
using Microsoft.Azure.Functions.Worker.Http;

namespace Headshots.Functions.Triggers;

internal static class HttpRequests
{
    /// <summary>The request's Content-Type header, which tells a form post from JSON; null when absent.</summary>
    public static string? ContentType(this HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Type", out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// Who sent the request. The Function App sits behind the platform's front end, which appends the address it was
    /// reached from to X-Forwarded-For: the last entry is the client's (earlier ones are whatever the client sent), with
    /// a port that is dropped so every connection from one address shares its limit.
    /// </summary>
    public static RequestOrigin Origin(this HttpRequestData request)
    {
        var forwarded = request.Headers.TryGetValues("X-Forwarded-For", out var values) ? string.Join(',', values) : null;
        var last = forwarded?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var code = request.Headers.TryGetValues(StudioAccess.Header, out var codes) ? codes.FirstOrDefault() : null;
        return new RequestOrigin(last is null ? null : WithoutPort(last), code);
    }

    /// <summary>"203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:443" → "2001:db8::1"; a bare address as it is.</summary>
    internal static string WithoutPort(string address)
    {
        if (System.Net.IPAddress.TryParse(address, out var bare)) return bare.ToString();
        return System.Net.IPEndPoint.TryParse(address, out var endpoint) ? endpoint.Address.ToString() : address;
    }
}
