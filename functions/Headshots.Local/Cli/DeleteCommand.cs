using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots delete SHOOT_ID: erases the shoot and every shoot of its order through the local studio (the running
/// one, or one started for it), as the status page's "delete everything" does: POST /api/shoots/{id}/delete?t=… with
/// the token this CLI kept, or --token. A shoot in progress is cancelled first. The kept status links of the erased
/// shoots are removed.
/// </summary>
public static class DeleteCommand
{
    public static Command Definition()
    {
        var shootId = CliSymbols.ShootId();
        var token = CliSymbols.Token();
        var command = new Command("delete", "erase the shoot and every shoot of its order now (cancels one in progress)") { shootId, token };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(shootId), parse.GetValue(token), cancellationToken));
        return command;
    }

    static async Task<int> RunAsync(string shootId, string? token, CancellationToken cancellationToken)
    {
        var target = ShootCommandTarget.From(shootId, token, "delete");
        await using var studio = await LocalStudioSession.OpenAsync(LocalStackFactory.Create(RepositoryPaths.Find()), cancellationToken);
        // Cancelling a running shoot waits for its orchestration to end: longer than a status read.
        using var http = new HttpClient { BaseAddress = studio.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        using var response = await target.PostAsync(http, "delete", JsonContent.Create(new { confirm = "yes" }), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            ShootCommandTarget.PrintProblem(body, response.ReasonPhrase);
            return 1;
        }
        var deleted = JsonSerializer.Deserialize<ShootDeleteResponse>(body, ApiResponse.Json)!;
        foreach (var erased in deleted.Erased) target.Links.Forget(erased);
        AnsiConsole.MarkupLine($"Erased {deleted.Erased.Count} {(deleted.Erased.Count == 1 ? "shoot" : "shoots")}: {string.Join(", ", deleted.Erased)}");
        AnsiConsole.MarkupLine(Markup.Escape(deleted.Message));
        return 0;
    }
}
