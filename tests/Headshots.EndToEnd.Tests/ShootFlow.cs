using Headshots.Local.Client;
using Headshots.Pipeline.Api;

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
        var final = await client.FollowAsync(shoot.StatusUrl, _ => { }, TimeSpan.FromMilliseconds(200), Timeout, CancellationToken.None);
        return (shoot, final);
    }

    /// <param name="statusUrl">The status API with the shoot's token, as the studio returned it.</param>
    public static Task<ShootStatus> FollowAsync(HttpClient http, string statusUrl) =>
        new StudioClient(http).FollowAsync(statusUrl, _ => { }, TimeSpan.FromMilliseconds(200), Timeout, CancellationToken.None);
}
