using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Headshots.Jobs.Edits;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots refine SHOOT_ID IMAGE_ID [edits]: the request the gallery's form makes, sent to the local studio's
/// HTTP API, then followed until the new version is in the gallery (or refused), and copied out.
/// </summary>
public static class RefineCommand
{
    /// <summary>Each edit's option → the request field the gallery's form sends; the values are checked by <see cref="RefineEdits.Parse"/>.</summary>
    static readonly (string Option, string Field, string Help)[] Edits =
    [
        ("--clothes", RefineEdits.ClothesField, "recolour the clothes: a colour name or #rrggbb"),
        ("--background", RefineEdits.BackgroundField, "a look's backdrop, a colour, or blur"),
        ("--freckles", RefineEdits.FrecklesField, "add or soften"),
        ("--skin-smoothing", RefineEdits.SkinSmoothingField, "0..1"),
        ("--makeup", RefineEdits.MakeupField, "lips,undereye,shine"),
        ("--hair", RefineEdits.HairField, "the hair, in words (cloud editing engine only)"),
        ("--expression", RefineEdits.ExpressionField, "the expression, in words (cloud editing engine only)"),
        ("--outfit", RefineEdits.OutfitField, "the outfit, in words (cloud editing engine only)"),
        ("--scene", RefineEdits.SceneField, "the setting, in words (cloud editing engine only)"),
    ];

    public static Command Definition()
    {
        var shootId = CliSymbols.ShootId();
        var imageId = new Argument<string>("IMAGE_ID") { Description = "the image, as the gallery lists it (e.g. corporate-grey-01)" };
        var edits = Edits.Select(e => (Option: new Option<string>(e.Option) { Description = e.Help }, e.Field)).ToList();
        var from = new Option<int?>("--from") { HelpName = "VERSION", Description = "the version to start from (default: the latest)" };
        from.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--from must be a version number from 1."); });
        var output = CliSymbols.Out("out/refine/SHOOT_ID");
        var command = new Command("refine", "make a new version of a delivered headshot") { shootId, imageId, from, output };
        foreach (var (option, _) in edits) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var fields = edits.Where(e => parse.GetValue(e.Option) is not null).ToDictionary(e => e.Field, e => parse.GetValue(e.Option));
            return RunAsync(parse.GetRequiredValue(shootId), parse.GetRequiredValue(imageId), fields, parse.GetValue(from), parse.GetValue(output), cancellationToken);
        });
        return command;
    }

    static async Task<int> RunAsync(string shootId, string imageId, Dictionary<string, string?> fields, int? fromVersion, string? outOption, CancellationToken cancellationToken)
    {
        var parsed = RefineEdits.Parse(fields);
        if (!parsed.Succeeded) throw new CliException(string.Join(" ", parsed.Errors));
        var from = fromVersion?.ToString(CultureInfo.InvariantCulture);

        var paths = RepositoryPaths.Find();
        await using var stack = await LocalStudioSession.OpenAsync(LocalStackFactory.Create(paths), cancellationToken);
        var shoot = await stack.Services.GetRequiredService<ShootStore>().GetAsync(shootId, cancellationToken);
        if (shoot?.GalleryUrl is not { } galleryUrl)
        {
            AnsiConsole.MarkupLine(shoot is null
                ? $"[red]There is no shoot {shootId} in the local studio.[/] Run ./headshots demo or ./headshots shoot first."
                : $"[red]Shoot {shootId} has no gallery yet (status: {Markup.Escape(shoot.Status ?? "?")}).[/]");
            return 1;
        }
        var token = galleryUrl[(galleryUrl.LastIndexOf('/') + 1)..];

        using var http = new HttpClient { BaseAddress = stack.BaseUrl, Timeout = TimeSpan.FromMinutes(1) };
        var request = new Dictionary<string, string?>(fields) { [RefineApi.ImageField] = imageId };
        if (from is not null) request[RefineApi.FromField] = from;
        using var response = await http.PostAsJsonAsync($"g/{token}/refine", request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem.RootElement.GetProperty("title").GetString() ?? "Refused")}:[/] {Markup.Escape(problem.RootElement.GetProperty("detail").GetString() ?? "")}");
            return 1;
        }
        var started = (await response.Content.ReadFromJsonAsync<RefineStatus>(ApiResponse.Json, cancellationToken))!;
        AnsiConsole.MarkupLine($"Refining {Markup.Escape(started.Image)} from version {started.FromVersion}: {Markup.Escape(started.Changes)}…");

        var status = await FollowAsync(http, started.StatusUrl.TrimStart('/'), cancellationToken);
        if (status.Status != RefineStatuses.Delivered)
        {
            AnsiConsole.MarkupLine($"[red]Not delivered ({Markup.Escape(status.Status)}):[/] {Markup.Escape(status.Message ?? "")}");
            return 1;
        }

        var manifest = await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shootId, cancellationToken);
        var version = manifest?.Find(imageId)?.Version(status.Version ?? 0)
            ?? throw new InvalidOperationException($"Version {status.Version} of {imageId} was reported but is not in the gallery.");
        var outFolder = Path.GetFullPath(outOption ?? Path.Combine(paths.Root, "out", "refine", shootId));
        Directory.CreateDirectory(outFolder);
        var storage = stack.Services.GetRequiredService<StorageClients>();
        foreach (var file in version.DeliveredFiles())
        {
            var content = await storage.Container(StorageNames.GalleryContainer).GetBlobClient($"{shootId}/{file}").DownloadContentAsync(cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(outFolder, file), content.Value.Content.ToArray(), cancellationToken);
        }

        AnsiConsole.MarkupLine($"Version:   [bold]{Markup.Escape(imageId)} v{version.Number}[/] ({Markup.Escape(version.Changes)})");
        AnsiConsole.MarkupLine($"Identity:  {(version.IdentityDistance is { } d ? d.ToString("0.000", CultureInfo.InvariantCulture) : "not measured")} (the same person below 0.60)");
        AnsiConsole.MarkupLine($"Size:      {version.Width}×{version.Height}");
        AnsiConsole.MarkupLine($"File:      {Markup.Escape(Path.Combine(outFolder, version.File))}");
        AnsiConsole.MarkupLine($"Gallery:   [link]{Markup.Escape(galleryUrl)}[/]");
        return 0;
    }

    static async Task<RefineStatus> FollowAsync(HttpClient http, string statusUrl, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (true)
            {
                var status = (await http.GetFromJsonAsync<RefineStatus>(statusUrl, ApiResponse.Json, timeout.Token))!;
                if (RefineStatuses.IsFinal(status.Status)) return status;
                await timer.WaitForNextTickAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The refinement did not finish within 10 minutes; see the log and ./headshots status.");
        }
    }
}
