using System.Globalization;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Limits;

/// <summary>
/// What every creating endpoint asks before it does anything: the client's rate limit, and for a new shoot the studio
/// access code and the caps on shoots in flight and per email address. Each refusal is a problem that says what was
/// wrong and when to ask again.
/// </summary>
public sealed class CreationGate(
    ClientRateLimiter rateLimiter,
    StudioAccess access,
    IShootCounts counts,
    IOptions<LimitsOptions> limits,
    IOptions<PipelineOptions> pipeline,
    TimeProvider clock,
    ILogger<CreationGate> logger)
{
    static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>How long a client is asked to wait when the studio is full: long enough for a shoot to move on.</summary>
    static readonly TimeSpan FullRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The rate limit of a creating request (it counts even when the request is then refused for its content).</summary>
    /// <returns>Null to go on; otherwise the 429 to answer.</returns>
    public ApiResponse? Admit(RequestOrigin origin, string endpoint)
    {
        if (rateLimiter.TryAcquire(origin.ClientAddress) is not { } retryAfter) return null;
        logger.LogWarning("Rate limit: {Endpoint} refused for client {Client} ({Limit} requests per {Window})",
            endpoint, origin.ClientAddress ?? "unknown", limits.Value.RequestsPerWindow, limits.Value.Window);
        return ApiResponse.Problem(429, "Too many requests",
            $"This address may make {limits.Value.RequestsPerWindow} such requests per {Describe(limits.Value.Window)}. Wait the Retry-After seconds, then ask again.",
            retryAfter);
    }

    /// <summary>A new shoot whose request <see cref="Admit"/> let through: the access code, then the caps.</summary>
    /// <returns>Null to go on; otherwise the answer that refuses it.</returns>
    public async Task<ApiResponse?> AdmitShootAsync(RequestOrigin origin, string? email, CancellationToken cancellationToken)
    {
        if (!access.Admits(origin.AccessCode))
        {
            return origin.AccessCode is null
                ? ApiResponse.Problem(401, "This studio needs an access code",
                    $"This is a private studio: enter its access code on the start page, or send it in the {StudioAccess.Header} header. Ask the studio's owner for it.")
                : ApiResponse.Problem(403, "The access code is wrong",
                    "Check the studio's access code with its owner and enter it again on the start page.");
        }
        return await CapsAsync(email, cancellationToken);
    }

    /// <summary>
    /// A reshoot (its rate limit already taken by <see cref="Admit"/>): a new shoot for the order's email, under the same
    /// caps; its status token stands for the access code.
    /// </summary>
    public Task<ApiResponse?> AdmitReshootAsync(string? email, CancellationToken cancellationToken) => CapsAsync(email, cancellationToken);

    async Task<ApiResponse?> CapsAsync(string? email, CancellationToken cancellationToken)
    {
        var o = limits.Value;
        var now = clock.GetUtcNow();
        var inFlight = await counts.InFlightAsync(now - pipeline.Value.UploadSasLifetime, cancellationToken);
        if (inFlight >= o.MaxShootsInFlight)
        {
            logger.LogWarning("Shoot refused: {InFlight} shoots in flight (Limits:MaxShootsInFlight {Max})", inFlight, o.MaxShootsInFlight);
            return ApiResponse.Problem(503, "The studio is busy",
                $"The studio is working on as many shoots as it takes at once ({o.MaxShootsInFlight}). Nothing was created; try again in a few minutes.",
                FullRetryAfter);
        }
        if (email is null) return null;
        var started = await counts.StartedByAsync(email, now - Day, cancellationToken);
        if (started.Count < o.MaxShootsPerEmailPerDay) return null;
        // The address may start another once its oldest shoot of the last 24 hours is a day old.
        var freeAt = started.Order().ElementAt(started.Count - o.MaxShootsPerEmailPerDay) + Day;
        logger.LogWarning("Shoot refused: {Count} shoots for one email address in 24 hours (Limits:MaxShootsPerEmailPerDay {Max})", started.Count, o.MaxShootsPerEmailPerDay);
        return ApiResponse.Problem(429, "Too many shoots for this email address",
            $"An email address may start {o.MaxShootsPerEmailPerDay} shoots in 24 hours, and this one has. Nothing was created; try again after {freeAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
            freeAt - now);
    }

    static string Describe(TimeSpan window) => window switch
    {
        { TotalMinutes: 1 } => "minute",
        { TotalHours: 1 } => "hour",
        { TotalSeconds: < 120 } => $"{window.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds",
        _ => $"{window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} minutes",
    };
}
