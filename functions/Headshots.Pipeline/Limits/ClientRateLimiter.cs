using System.Threading.RateLimiting;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Limits;

/// <summary>
/// Limits:RequestsPerWindow per client address on the creating endpoints: a fixed window per address, from
/// System.Threading.RateLimiting (the limiter ASP.NET Core's middleware is built on), held here so the Function App and
/// the local runtime count alike. Counts are per process: a scaled-out Function App has one count per instance.
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    /// <summary>The partition of requests whose host could not tell the address: they share one count.</summary>
    const string UnknownClient = "unknown";

    readonly PartitionedRateLimiter<string> limiter;
    readonly TimeSpan window;

    public ClientRateLimiter(IOptions<LimitsOptions> options)
    {
        var o = options.Value;
        window = o.Window;
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.RequestsPerWindow,
            Window = o.Window,
            // A refused request is answered at once (429), never held open.
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <returns>Null when the request may go on; otherwise how long the client must wait.</returns>
    public TimeSpan? TryAcquire(string? clientAddress)
    {
        using var lease = limiter.AttemptAcquire(string.IsNullOrWhiteSpace(clientAddress) ? UnknownClient : clientAddress);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : window;
    }

    public void Dispose() => limiter.Dispose();
}
