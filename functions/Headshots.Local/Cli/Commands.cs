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

public static class Commands
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var command = args.FirstOrDefault() ?? throw new CliException("No command given.");
        return command switch
        {
            "demo" => DemoAsync(CliArguments.Parse(args, new Dictionary<string, bool> { ["out"] = true }), cancellationToken),
            "shoot" => ShootAsync(CliArguments.Parse(args, new Dictionary<string, bool> { ["out"] = true, ["email"] = true, ["looks"] = true }), cancellationToken),
            "up" => UpAsync(CliArguments.Parse(args, new Dictionary<string, bool> { ["no-worker"] = false }), cancellationToken),
            "status" => StatusAsync(CliArguments.Parse(args, new Dictionary<string, bool> { ["json"] = false, ["token"] = true }), cancellationToken),
            "worker" => WorkerAsync(CliArguments.Parse(args, new Dictionary<string, bool>()), cancellationToken),
            "bench" => BenchCommand.RunAsync(CliArguments.Parse(args, new Dictionary<string, bool> { ["photos"] = true, ["skip-demo"] = false }), cancellationToken),
            "inspect" => Task.FromResult(InspectCommand.Run(CliArguments.Parse(args, new Dictionary<string, bool> { ["json"] = false }), cancellationToken)),
            "refine" => RefineCommand.RunAsync(CliArguments.Parse(args, RefineCommand.Options), cancellationToken),
            "reshoot" => ReshootCommand.RunAsync(CliArguments.Parse(args, ReshootCommand.Options), cancellationToken),
            "resend" => ResendCommand.RunAsync(CliArguments.Parse(args, ResendCommand.Options), cancellationToken),
            "delete" => DeleteCommand.RunAsync(CliArguments.Parse(args, DeleteCommand.Options), cancellationToken),
            "models" => ModelsCommand.RunAsync(CliArguments.Parse(args, ModelsCommand.Options), cancellationToken),
            "help" or "--help" or "-h" => Help(),
            _ => throw new CliException($"Unknown command '{command}'."),
        };
    }

    static Task<int> Help()
    {
        Console.WriteLine(Usage.Text);
        return Task.FromResult(0);
    }

    static Task<int> DemoAsync(CliArguments a, CancellationToken cancellationToken)
    {
        NoPositionals(a, 0);
        var paths = RepositoryPaths.Find();
        var photos = PhotoFolder.DemoShoot(paths);
        var outFolder = a.Option("out") ?? Path.Combine(paths.Root, "out", "demo");
        return ShootSession.RunAsync(LocalStackFactory.Create(paths), "demo@example.com", ["corporate-grey", "bright-office", "bw-editorial"], photos, outFolder, cancellationToken);
    }

    static Task<int> ShootAsync(CliArguments a, CancellationToken cancellationToken)
    {
        NoPositionals(a, 1);
        var folder = a.Positionals.Count == 1 ? a.Positionals[0] : throw new CliException("Give the folder with your photos: ./headshots shoot PHOTOS_DIR --email ADDRESS");
        var email = a.Option("email") ?? throw new CliException("--email is required: the gallery link is sent there.");
        if (!OrderParser.IsEmailAddress(email)) throw new CliException($"'{email}' is not an email address.");
        var looks = (a.Option("looks") ?? "corporate-grey,bright-office,bw-editorial").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = looks.Where(l => LookCatalog.Find(l) is null).ToList();
        if (unknown.Count > 0) throw new CliException($"Unknown look(s): {string.Join(", ", unknown)}. Choose from {string.Join(", ", LookCatalog.All.Select(l => l.Id))}.");
        var paths = RepositoryPaths.Find();
        var photos = PhotoFolder.Read(folder);
        var outFolder = a.Option("out") ?? Path.Combine(paths.Root, "out", Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/')));
        return ShootSession.RunAsync(LocalStackFactory.Create(paths), email, looks, photos, outFolder, cancellationToken);
    }

    static async Task<int> UpAsync(CliArguments a, CancellationToken cancellationToken)
    {
        NoPositionals(a, 0);
        var paths = RepositoryPaths.Find();
        await using var stack = await LocalStack.StartAsync(LocalStackFactory.Create(paths, runWorker: !a.Flag("no-worker")), cancellationToken);
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

    static async Task<int> StatusAsync(CliArguments a, CancellationToken cancellationToken)
    {
        NoPositionals(a, 1);
        var id = a.Positionals.Count == 1 ? a.Positionals[0] : throw new CliException("Give the shoot id: ./headshots status SHOOT_ID");
        if (!UploadLayout.IsValidShootId(id)) throw new CliException($"'{id}' is not a shoot id (32 hexadecimal characters).");
        var paths = RepositoryPaths.Find();
        // The API needs the status token, as the status page does: the one this CLI was given, or the t of a status link.
        var statusUrl = new StatusLinks(paths).Require(id, a.Option("token"), "status");
        var options = LocalStackFactory.Create(paths);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.Ports.Http}/") };
        ShootStatus? status;
        try
        {
            status = await new StudioClient(http).GetStatusAsync(statusUrl, cancellationToken);
        }
        catch (HttpRequestException)
        {
            throw new CliException("The local studio is not running; start it with ./headshots up, then ask again.");
        }
        if (status is null)
        {
            AnsiConsole.MarkupLine($"[red]There is no shoot {id}, or its status token is not the one the studio gave.[/]");
            return 1;
        }
        if (a.Flag("json"))
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
    static async Task<int> WorkerAsync(CliArguments a, CancellationToken cancellationToken)
    {
        NoPositionals(a, 0);
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

    static void NoPositionals(CliArguments a, int allowed)
    {
        if (a.Positionals.Count > allowed) throw new CliException($"Unexpected argument '{a.Positionals[allowed]}' for '{a.Command}'.");
    }
}
