using Headshots.Local.Client;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Orchestrations;

namespace Headshots.EndToEnd.Tests;

/// <summary>Drives one shoot through the HTTP API and the SAS uploads, exactly as a client does.</summary>
internal static class ShootFlow
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    public static async Task<(CreateShootResponse Shoot, ShootStatus Final)> RunAsync(HttpClient http, IReadOnlyList<(string Name, byte[] Content)> photos,
        string email, params string[] looks)
    {
        var client = new StudioClient(http);
        var shoot = await client.SubmitAsync(email, looks.Length > 0 ? looks : ["corporate-grey"], photos, null, CancellationToken.None);
        var final = await FollowAsync(http, shoot.StatusUrl);
        return (shoot, final);
    }

    /// <param name="statusUrl">The status API with the shoot's token, as the studio returned it.</param>
    /// <returns>The shoot's status once it has ended and its email is settled (sent or given up), so a test reads the inbox after it.</returns>
    public static async Task<ShootStatus> FollowAsync(HttpClient http, string statusUrl)
    {
        var client = new StudioClient(http);
        var final = await client.FollowAsync(statusUrl, _ => { }, TimeSpan.FromMilliseconds(200), Timeout, CancellationToken.None);
        return await UntilAsync(client, statusUrl, s => s.Email?.State is EmailStates.Sent or EmailStates.GivenUp, TimeSpan.FromMinutes(1)) ?? final;
    }

    /// <summary>Polls the status until <paramref name="condition"/> holds; null when it did not within <paramref name="within"/>.</summary>
    /// <param name="seen">Every status read on the way, for assertions about what was shown meanwhile.</param>
    public static async Task<ShootStatus?> UntilAsync(StudioClient client, string statusUrl, Func<ShootStatus, bool> condition, TimeSpan within,
        List<ShootStatus>? seen = null)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var status = await client.GetStatusAsync(statusUrl, CancellationToken.None);
            if (status is not null)
            {
                seen?.Add(status);
                if (condition(status)) return status;
            }
            if (DateTimeOffset.UtcNow > deadline) return null;
            await Task.Delay(200);
        }
    }
}
