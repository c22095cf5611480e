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
    /// <summary>CLI option → request field.</summary>
    static readonly Dictionary<string, string> EditOptions = new(StringComparer.Ordinal)
    {
        ["clothes"] = RefineEdits.ClothesField,
        ["background"] = RefineEdits.BackgroundField,
        ["freckles"] = RefineEdits.FrecklesField,
        ["skin-smoothing"] = RefineEdits.SkinSmoothingField,
        ["makeup"] = RefineEdits.MakeupField,
        ["hair"] = RefineEdits.HairField,
        ["expression"] = RefineEdits.ExpressionField,
        ["outfit"] = RefineEdits.OutfitField,
        ["scene"] = RefineEdits.SceneField,
    };

    public static IReadOnlyDictionary<string, bool> Options { get; } =
        EditOptions.Keys.Append("out").Append("from").ToDictionary(k => k, _ => true);

    public static async Task<int> RunAsync(CliArguments a, CancellationToken cancellationToken)
    {
        if (a.Positionals.Count != 2)
        {
            throw new CliException("Give the shoot and the image: ./headshots refine SHOOT_ID IMAGE_ID --clothes navy (image ids are listed in the gallery, e.g. corporate-grey-01).");
        }
        var (shootId, imageId) = (a.Positionals[0], a.Positionals[1]);
        if (!UploadLayout.IsValidShootId(shootId)) throw new CliException($"'{shootId}' is not a shoot id (32 hexadecimal characters).");
        var fields = EditOptions.Where(o => a.Option(o.Key) is not null).ToDictionary(o => o.Value, o => a.Option(o.Key));
        var parsed = RefineEdits.Parse(fields);
        if (!parsed.Succeeded) throw new CliException(string.Join(" ", parsed.Errors));
        var from = a.Option("from");
        if (from is not null && !int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out _)) throw new CliException($"--from must be a version number, got '{from}'.");

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
        var outFolder = Path.GetFullPath(a.Option("out") ?? Path.Combine(paths.Root, "out", "refine", shootId));
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
