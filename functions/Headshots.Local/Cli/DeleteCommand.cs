using System.Net.Http.Json;
using System.Text.Json;
using Headshots.Pipeline.Api;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots delete SHOOT_ID: erases the shoot and every shoot of its order through the running studio
/// (./headshots up), as the status page's "delete everything" does: POST /api/shoots/{id}/delete?t=… with the token this
/// CLI kept, or --token. A shoot in progress is cancelled first. The kept status links of the erased shoots are removed.
/// </summary>
public static class DeleteCommand
{
    public static IReadOnlyDictionary<string, bool> Options { get; } = new Dictionary<string, bool> { ["token"] = true };

    public static async Task<int> RunAsync(CliArguments a, CancellationToken cancellationToken)
    {
        var target = ShootCommandTarget.From(a, "delete");
        // Cancelling a running shoot waits for its orchestration to end: longer than a status read.
        using var http = new HttpClient { BaseAddress = target.Studio, Timeout = TimeSpan.FromMinutes(5) };
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
