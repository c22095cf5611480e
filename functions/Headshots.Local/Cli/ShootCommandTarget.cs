using System.Text.Json;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// The shoot a command such as <c>resend</c> or <c>delete</c> acts on through the studio's HTTP API, with the status
/// token this CLI kept or --token: its id, its status URL and the kept links.
/// </summary>
public sealed record ShootCommandTarget(string ShootId, string StatusUrl, StatusLinks Links)
{
    /// <exception cref="CliException">No token is known for the shoot.</exception>
    public static ShootCommandTarget From(string shootId, string? token, string command)
    {
        var links = new StatusLinks(RepositoryPaths.Find());
        return new(shootId, links.Require(shootId, token, command), links);
    }

    /// <summary>POSTs to the shoot's route beside its status (api/shoots/{id}/{action}?t=…).</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient http, string action, HttpContent? content, CancellationToken cancellationToken) =>
        http.PostAsync(StatusUrl.Replace($"/api/shoots/{ShootId}?", $"api/shoots/{ShootId}/{action}?", StringComparison.Ordinal), content, cancellationToken);

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
