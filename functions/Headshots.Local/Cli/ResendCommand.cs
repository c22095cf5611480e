using System.Text.Json;
using Headshots.Pipeline.Api;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots resend SHOOT_ID: sends the shoot's email again through the running studio (./headshots up), as the
/// person's own status link may: POST /api/shoots/{id}/resend?t=… with the token this CLI kept, or --token.
/// </summary>
public static class ResendCommand
{
    public static IReadOnlyDictionary<string, bool> Options { get; } = new Dictionary<string, bool> { ["token"] = true };

    public static async Task<int> RunAsync(CliArguments a, CancellationToken cancellationToken)
    {
        var target = ShootCommandTarget.From(a, "resend");
        using var http = new HttpClient { BaseAddress = target.Studio };
        using var response = await target.PostAsync(http, "resend", null, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            ShootCommandTarget.PrintProblem(body, response.ReasonPhrase);
            return 1;
        }
        var resent = JsonSerializer.Deserialize<ResendResponse>(body, ApiResponse.Json)!;
        AnsiConsole.MarkupLine($"Shoot {target.ShootId}: {Markup.Escape(resent.Email.Message)}");
        return 0;
    }
}
