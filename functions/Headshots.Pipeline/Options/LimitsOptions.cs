using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>
/// What one client, one email address and the whole studio may start (configuration section <c>Limits</c>): the studio
/// is a public endpoint that starts paid GPU and image-model work for anyone who asks. The same figures hold in the
/// Function App and the local runtime.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Requests one client address may make to the creating endpoints (new shoot, reshoot, refine, resend) per <see cref="Window"/>.</summary>
    [Range(1, 100_000)]
    public int RequestsPerWindow { get; set; } = 60;

    /// <summary>The window <see cref="RequestsPerWindow"/> counts in; a refused client is told to wait until it ends.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Shoots not yet ended (running, or waiting for an upload whose links still work) across the studio; a new shoot
    /// beyond it is refused with 503 until one ends.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxShootsInFlight { get; set; } = 50;

    /// <summary>Shoots (new ones and reshoots) one email address may start in 24 hours.</summary>
    [Range(1, 10_000)]
    public int MaxShootsPerEmailPerDay { get; set; } = 5;

    /// <summary>
    /// What cloud image-model calls (generated looks and refinements) may cost in one UTC day, in AzureOpenAI:Currency,
    /// across every shoot. Once it is reserved, shoots fall back to reframed looks and refinements are refused until the
    /// next day; 0 stops every cloud call.
    /// </summary>
    [Range(0, 1_000_000)]
    public decimal DailyGenerationBudget { get; set; } = 50m;
}
