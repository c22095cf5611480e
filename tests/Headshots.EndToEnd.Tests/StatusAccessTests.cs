using System.Net;
using Headshots.Local.Client;
using Headshots.Pipeline.Api;

namespace Headshots.EndToEnd.Tests;

/// <summary>GET /api/shoots/{id} follows the status page's rule: only the status token opens it.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class StatusAccessTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task GetStatus_TokenMissingWrongOrRight_OnlyTheRightTokenOpensIt()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false);
        using var http = studio.Http(stack.BaseUrl);
        var shoot = await new StudioClient(http).CreateShootAsync("kai@example.com", ["a.jpg"], CancellationToken.None);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(shoot.StatusPage!).Query)["t"]!;
        var wrong = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var missing = await GetAsync(http, $"api/shoots/{shoot.ShootId}");
        var mismatched = await GetAsync(http, $"api/shoots/{shoot.ShootId}?t={wrong}");
        var unknown = await GetAsync(http, $"api/shoots/{new string('0', 32)}?t={token}");
        var right = await GetAsync(http, shoot.StatusUrl.TrimStart('/'));

        foreach (var (status, body) in new[] { missing, mismatched, unknown })
        {
            // The same answer whether the shoot exists or not, and it says what to send.
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("?t=", body, StringComparison.Ordinal);
            Assert.Contains("statusUrl", body, StringComparison.Ordinal);
            Assert.DoesNotContain("kai@example.com", body, StringComparison.Ordinal);
        }
        Assert.Equal(missing.Body, mismatched.Body);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        var opened = System.Text.Json.JsonSerializer.Deserialize<ShootStatus>(right.Body, ApiResponse.Json)!;
        Assert.Equal((shoot.ShootId, "AwaitingUpload"), (opened.ShootId, opened.Status));
        Assert.Equal($"/api/shoots/{shoot.ShootId}?t={token}", shoot.StatusUrl);
    }

    static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
