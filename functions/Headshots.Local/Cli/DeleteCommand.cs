using System.Net.Http.Json;
using System.Text.Json;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Intake;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots delete SHOOT_ID: erases the shoot and every shoot of its order through the running studio
/// (./headshots up), as the status page's "delete everything" does: POST /api/shoots/{id}/delete?t=… with the token this
/// CLI kept, or --token. A shoot in progress is cancelled first. The kept status link is removed afterwards.
/// </summary>
public static class DeleteCommand
{
    public static IReadOnlyDictionary<string, bool> Options { get; } = new Dictionary<string, bool> { ["token"] = true };

    public static async Task<int> RunAsync(CliArguments a, CancellationToken cancellationToken)
    {
        if (a.Positionals.Count > 1) throw new CliException($"Unexpected argument '{a.Positionals[1]}' for 'delete'.");
        var id = a.Positionals.Count == 1 ? a.Positionals[0] : throw new CliException("Give the shoot id: ./headshots delete SHOOT_ID");
        if (!UploadLayout.IsValidShootId(id)) throw new CliException($"'{id}' is not a shoot id (32 hexadecimal characters).");
        var paths = RepositoryPaths.Find();
        var links = new StatusLinks(paths);
        var statusUrl = links.Require(id, a.Option("token"), "delete");
        var deleteUrl = statusUrl.Replace($"/api/shoots/{id}?", $"api/shoots/{id}/delete?", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{LocalStackFactory.Create(paths).Ports.Http}/"), Timeout = TimeSpan.FromMinutes(5) };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(deleteUrl, new { confirm = "yes" }, cancellationToken);
        }
        catch (HttpRequestException)
        {
            throw new CliException("The local studio is not running; start it with ./headshots up, then ask again.");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = JsonSerializer.Deserialize<ProblemText>(body, ApiResponse.Json);
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem?.Title ?? response.ReasonPhrase ?? "")}[/]: {Markup.Escape(problem?.Detail ?? body)}");
                return 1;
            }
            var deleted = JsonSerializer.Deserialize<ShootDeleteResponse>(body, ApiResponse.Json)!;
            foreach (var erased in deleted.Erased) links.Forget(erased);
            AnsiConsole.MarkupLine($"Erased {deleted.Erased.Count} {(deleted.Erased.Count == 1 ? "shoot" : "shoots")}: {string.Join(", ", deleted.Erased)}");
            AnsiConsole.MarkupLine(Markup.Escape(deleted.Message));
            return 0;
        }
    }

    sealed record ProblemText(string? Title, string? Detail);
}
