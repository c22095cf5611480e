using System.CommandLine;
using System.Text.Json;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Intake;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots resend SHOOT_ID: sends the shoot's email again through the local studio (the running one, or one started for it), as the
/// person's own status link may: POST /api/shoots/{id}/resend?t=… with the token this CLI kept, or --token.
/// </summary>
public static class ResendCommand
{
    public static Command Definition()
    {
        var shootId = CliSymbols.ShootId();
        var token = CliSymbols.Token();
        var command = new Command("resend", "send the shoot's email again (after \"email not sent\")") { shootId, token };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(shootId), parse.GetValue(token), cancellationToken));
        return command;
    }

    static async Task<int> RunAsync(string id, string? token, CancellationToken cancellationToken)
    {
        var paths = RepositoryPaths.Find();
        var statusUrl = new StatusLinks(paths).Require(id, token, "resend");
        var resendUrl = statusUrl.Replace($"/api/shoots/{id}?", $"api/shoots/{id}/resend?", StringComparison.Ordinal);
        await using var studio = await LocalStudioSession.OpenAsync(LocalStackFactory.Create(paths), cancellationToken);
        using var http = new HttpClient { BaseAddress = studio.BaseUrl };
        var response = await http.PostAsync(resendUrl, null, cancellationToken);
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                using var problem = JsonDocument.Parse(body);
                var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : body;
                var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : response.ReasonPhrase;
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(title ?? "")}[/]: {Markup.Escape(detail ?? "")}");
                return 1;
            }
            var resent = JsonSerializer.Deserialize<ResendResponse>(body, ApiResponse.Json)!;
            AnsiConsole.MarkupLine($"Shoot {id}: {Markup.Escape(resent.Email.Message)}");
            return 0;
        }
    }
}
