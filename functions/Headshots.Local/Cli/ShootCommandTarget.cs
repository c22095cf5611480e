using System.Text.Json;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Intake;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// The shoot a command such as <c>resend</c> or <c>delete</c> acts on, through the running studio (./headshots up) with
/// the status token this CLI kept, or --token: its id, its status URL and the studio's address.
/// </summary>
public sealed record ShootCommandTarget(string ShootId, string StatusUrl, Uri Studio, StatusLinks Links)
{
    /// <exception cref="CliException">The id is missing or malformed, or no token is known for it.</exception>
    public static ShootCommandTarget From(CliArguments a, string command)
    {
        if (a.Positionals.Count > 1) throw new CliException($"Unexpected argument '{a.Positionals[1]}' for '{command}'.");
        var id = a.Positionals.Count == 1 ? a.Positionals[0] : throw new CliException($"Give the shoot id: ./headshots {command} SHOOT_ID");
        if (!UploadLayout.IsValidShootId(id)) throw new CliException($"'{id}' is not a shoot id (32 hexadecimal characters).");
        var paths = RepositoryPaths.Find();
        var links = new StatusLinks(paths);
        return new(id, links.Require(id, a.Option("token"), command), new Uri($"http://127.0.0.1:{LocalStackFactory.Create(paths).Ports.Http}/"), links);
    }

    /// <summary>POSTs to the shoot's route beside its status (api/shoots/{id}/{action}?t=…).</summary>
    /// <exception cref="CliException">The studio is not running.</exception>
    public async Task<HttpResponseMessage> PostAsync(HttpClient http, string action, HttpContent? content, CancellationToken cancellationToken)
    {
        var url = StatusUrl.Replace($"/api/shoots/{ShootId}?", $"api/shoots/{ShootId}/{action}?", StringComparison.Ordinal);
        try
        {
            return await http.PostAsync(url, content, cancellationToken);
        }
        catch (HttpRequestException)
        {
            throw new CliException("The local studio is not running; start it with ./headshots up, then ask again.");
        }
    }

    /// <summary>Prints the API's problem answer (its title and detail) in red.</summary>
    public static void PrintProblem(string body, string? reason)
    {
        ProblemText? problem;
        try
        {
            problem = JsonSerializer.Deserialize<ProblemText>(body, ApiResponse.Json);
        }
        catch (JsonException)
        {
            problem = null;
        }
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem?.Title ?? reason ?? "")}[/]: {Markup.Escape(problem?.Detail ?? body)}");
    }

    sealed record ProblemText(string? Title, string? Detail);
}
