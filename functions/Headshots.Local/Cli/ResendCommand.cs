using System.CommandLine;
using System.Text.Json;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots resend SHOOT_ID: sends the shoot's email again through the local studio (the running one, or one
/// started for it), as the person's own status link may: POST /api/shoots/{id}/resend?t=… with the token this CLI
/// kept, or --token.
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

    static async Task<int> RunAsync(string shootId, string? token, CancellationToken cancellationToken)
    {
        var target = ShootCommandTarget.From(shootId, token, "resend");
        await using var studio = await LocalStudioSession.OpenAsync(LocalStackFactory.Create(RepositoryPaths.Find()), cancellationToken);
        using var http = new HttpClient { BaseAddress = studio.BaseUrl };
        using var response = await target.PostAsync(http, "resend", null, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            ShootCommandTarget.PrintProblem(body, response.ReasonPhrase);
            return 1;
        }
        var resent = JsonSerializer.Deserialize<ResendResponse>(body, ApiResponse.Json)!;
        AnsiConsole.MarkupLine($"Shoot {shootId}: {Markup.Escape(resent.Email.Message)}");
        return 0;
    }
}
