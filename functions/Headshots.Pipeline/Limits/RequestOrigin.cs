namespace Headshots.Pipeline.Limits;

/// <summary>
/// Who sent a request, as the host saw it: the client's address (the key of its rate limit) and the studio access code
/// it sent, if any. Each host adapter builds it from its own request type.
/// </summary>
/// <param name="ClientAddress">The client's IP address; null when the host could not tell (such clients share one limit).</param>
/// <param name="AccessCode">The <see cref="StudioAccess.Header"/> header's value.</param>
public sealed record RequestOrigin(string? ClientAddress, string? AccessCode)
{
    /// <summary>
    /// A request behind a front end that appends the address it was reached from to X-Forwarded-For (the Function App's
    /// platform front end, Azure Front Door): the last entry is the client's, earlier ones are whatever the client sent.
    /// The port is dropped, so every connection from one address shares its limit.
    /// </summary>
    public static RequestOrigin BehindFrontEnd(string? forwardedFor, string? accessCode)
    {
        var last = forwardedFor?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return new RequestOrigin(last is null ? null : WithoutPort(last), accessCode);
    }

    /// <summary>"203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:443" → "2001:db8::1"; a bare address as it is.</summary>
    static string WithoutPort(string address)
    {
        if (System.Net.IPAddress.TryParse(address, out var bare)) return bare.ToString();
        return System.Net.IPEndPoint.TryParse(address, out var endpoint) ? endpoint.Address.ToString() : address;
    }
}
