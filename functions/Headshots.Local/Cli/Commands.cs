using System.CommandLine;
using System.Text.Json;
using Headshots.GpuWorker;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Intake;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// The command line: every command, argument and option declared once with System.CommandLine, so parsing, checks and
/// the help (<c>./headshots --help</c>, <c>./headshots COMMAND --help</c>) come from the same definitions.
/// </summary>
public static class Commands
{
    static readonly string[] DemoLooks = ["corporate-grey", "bright-office", "bw-editorial"];

    public static RootCommand Root()
    {
        var root = new RootCommand(
            "The headshot studio on this machine: Azurite, the local durable runtime, the GPU worker on ONNX Runtime (CPU) and smtp4dev. " +
            "./headshots test (the script) runs every test. Looks: " + string.Join(", ", LookCatalog.All.Select(l => l.Id)) + ".");
        foreach (var command in new[]
        {
            Demo(), Shoot(), InspectCommand.Definition(), RefineCommand.Definition(), ReshootCommand.Definition(), ResendCommand.Definition(),
            DeleteCommand.Definition(), Up(), Status(), Worker(), BenchCommand.Definition(), ModelsCommand.Definition(),
        })
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    static Command Demo()
    {
        var output = CliSymbols.Out("out/demo");
        var command = new Command("demo", "run a whole shoot on the bundled sample photos") { output };
        command.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.Find();
            var outFolder = parse.GetValue(output) ?? Path.Combine(paths.Root, "out", "demo");
            // The demo always mails the same sample address; the per-address cap guards a public studio, not the operator's demo.
            var settings = new Dictionary<string, string?> { ["Limits:MaxShootsPerEmailPerDay"] = "10000" };
            return ShootSession.RunAsync(LocalStackFactory.Create(paths, settings: settings), "demo@example.com", DemoLooks, PhotoFolder.DemoShoot(paths), outFolder, cancellationToken);
        });
        return command;
    }

    static Command Shoot()
    {
        var folder = new Argument<string>("PHOTOS_DIR") { Description = "the folder with your 10–15 photos" };
        var email = new Option<string>("--email") { HelpName = "ADDRESS", Description = "where the gallery link is sent", Required = true };
        email.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && !OrderParser.IsEmailAddress(value)) r.AddError($"'{value}' is not an email address.");
        });
        var looks = new Option<string[]>("--looks")
        {
            Description = "the looks, comma-separated",
            HelpName = "a,b",
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
            DefaultValueFactory = _ => DemoLooks,
        };
        looks.Validators.Add(r =>
        {
            var unknown = (r.GetValueOrDefault<string[]>() ?? []).Where(l => LookCatalog.Find(l) is null).ToList();
            if (unknown.Count > 0) r.AddError($"Unknown look(s): {string.Join(", ", unknown)}. Choose from {string.Join(", ", LookCatalog.All.Select(l => l.Id))}.");
        });
        var output = CliSymbols.Out("out/<name of PHOTOS_DIR>");
        var command = new Command("shoot", "run a shoot on your own photos") { folder, email, looks, output };
        command.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.Find();
            var photosFolder = parse.GetRequiredValue(folder);
            var photos = PhotoFolder.Read(photosFolder);
            var outFolder = parse.GetValue(output) ?? Path.Combine(paths.Root, "out", Path.GetFileName(Path.GetFullPath(photosFolder).TrimEnd('/')));
            return ShootSession.RunAsync(LocalStackFactory.Create(paths), parse.GetRequiredValue(email), parse.GetRequiredValue(looks), photos, outFolder, cancellationToken);
        });
        return command;
    }

    static Command Up()
    {
        var noWorker = new Option<bool>("--no-worker") { Description = "without the GPU worker (run ./headshots worker apart)" };
        var command = new Command("up", "run the local studio until Ctrl+C: the web pages, the API, the gallery and the inbox") { noWorker };
        command.SetAction((parse, cancellationToken) => UpAsync(parse.GetValue(noWorker), cancellationToken));
        return command;
    }

    static Command Status()
    {
        var shootId = CliSymbols.ShootId();
        var json = CliSymbols.Json("the status");
        var token = CliSymbols.Token();
        var command = new Command("status", "a shoot's progress and verdicts") { shootId, json, token };
        command.SetAction((parse, cancellationToken) => StatusAsync(parse.GetRequiredValue(shootId), parse.GetValue(token), parse.GetValue(json), cancellationToken));
        return command;
    }

    static Command Worker()
    {
        var command = new Command("worker", "the GPU worker alone, against the local storage emulator (what the container runs in Azure)");
        command.SetAction((_, cancellationToken) => WorkerAsync(cancellationToken));
        return command;
    }

    static async Task<int> UpAsync(bool noWorker, CancellationToken cancellationToken)
    {
        var paths = RepositoryPaths.Find();
        await using var stack = await LocalStack.StartAsync(LocalStackFactory.Create(paths, runWorker: !noWorker), cancellationToken);
        AnsiConsole.MarkupLine($"The local studio is running. Ctrl+C stops it.");
        AnsiConsole.MarkupLine($"  Studio:  {stack.BaseUrl}  (POST /api/shoots, GET /api/shoots/{{id}}?t=…, GET /g/{{token}})");
        AnsiConsole.MarkupLine($"  Inbox:   {stack.InboxUrl}");
        AnsiConsole.MarkupLine($"  Logs:    {Markup.Escape(stack.Options.LogFile ?? "console")}");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        AnsiConsole.MarkupLine("Stopping…");
        return 0;
    }

    static async Task<int> StatusAsync(string id, string? token, bool asJson, CancellationToken cancellationToken)
    {
        var paths = RepositoryPaths.Find();
        // The API needs the status token, as the status page does: the one this CLI was given, or the t of a status link.
        var statusUrl = new StatusLinks(paths).Require(id, token, "status");
        await using var studio = await LocalStudioSession.OpenAsync(LocalStackFactory.Create(paths), cancellationToken);
        using var http = new HttpClient { BaseAddress = studio.BaseUrl };
        var status = await new StudioClient(http).GetStatusAsync(statusUrl, cancellationToken);
        if (status is null)
        {
            AnsiConsole.MarkupLine($"[red]There is no shoot {id}, or its status token is not the one the studio gave.[/]");
            return 1;
        }
        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(status, ApiResponse.Json));
            return 0;
        }
        AnsiConsole.MarkupLine($"Shoot {id}: [bold]{status.Status}[/], stage {status.Stage} ({status.Done}/{status.Total})");
        if (status.Error is not null) AnsiConsole.MarkupLine($"[red]{Markup.Escape(status.Error)}[/]");
        foreach (var p in status.Photos)
        {
            AnsiConsole.MarkupLine(p.Accepted ? $"  [green]✓[/] {Markup.Escape(p.Name)}" : $"  [yellow]✗[/] {Markup.Escape(p.Name)}: {Markup.Escape(p.Reason ?? "")} [grey]{Markup.Escape(p.Tip ?? "")}[/]");
        }
        return 0;
    }

    /// <summary>The GPU worker alone, against the local storage emulator: what the container runs in Azure.</summary>
    static async Task<int> WorkerAsync(CancellationToken cancellationToken)
    {
        var options = LocalStackFactory.Create(RepositoryPaths.Find());
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = AzuriteConnection.For(options.Ports) });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddGpuWorker(builder.Configuration);
        using var host = builder.Build();
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
