using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>Runs one shoot on the local stack as a client would, and collects what was delivered.</summary>
public static class ShootSession
{
    public static Task<int> RunAsync(LocalStackOptions stackOptions, string email, IReadOnlyList<string> looks,
        IReadOnlyList<(string Name, byte[] Content)> photos, string outFolder, CancellationToken cancellationToken) =>
        RunAsync(stackOptions, async (_, client, ct) =>
        {
            AnsiConsole.MarkupLine($"Uploading {photos.Count} photos…");
            var shoot = await client.SubmitAsync(email, looks, photos, null, ct);
            return new SubmittedShoot(shoot.ShootId, shoot.StatusUrl);
        }, outFolder, cancellationToken);

    /// <param name="submit">Creates the shoot on the started stack and uploads its photos and order; returns its id and status URL.</param>
    public static async Task<int> RunAsync(LocalStackOptions stackOptions, Func<LocalStack, StudioClient, CancellationToken, Task<SubmittedShoot>> submit,
        string outFolder, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine($"Starting the local studio (storage emulator, SMTP server, durable runtime, GPU worker on CPU)…");
        await using var stack = await LocalStack.StartAsync(stackOptions, cancellationToken);
        using var http = new HttpClient { BaseAddress = stack.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        using var inboxHttp = new HttpClient { BaseAddress = stack.InboxUrl, Timeout = TimeSpan.FromMinutes(1) };
        var client = StudioClient.For(stack, http);

        var (shootId, statusUrl) = await submit(stack, client, cancellationToken);
        // Kept for ./headshots status: the studio keeps only the token's hash.
        new StatusLinks(stackOptions.Paths).Save(shootId, statusUrl);
        AnsiConsole.MarkupLine($"Shoot [bold]{shootId}[/] started.");

        ShootStatus final = null!;
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and CI: one line per stage instead of redrawn bars.
            string? stage = null;
            final = await client.FollowAsync(statusUrl, s =>
            {
                if (s.Stage == stage) return;
                stage = s.Stage;
                AnsiConsole.MarkupLine($"  stage {Markup.Escape(s.Stage)} ({s.Done}/{s.Total})");
            }, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(30), cancellationToken);
        }
        else await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var view = new ShootProgressView(ctx);
                final = await client.FollowAsync(statusUrl, view.Update, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(30), cancellationToken);
            });

        var inbox = new SmtpInbox(inboxHttp);
        var received = await inbox.FindForShootAsync(shootId, TimeSpan.FromSeconds(30), cancellationToken);
        Directory.CreateDirectory(outFolder);
        if (received is not null) await File.WriteAllTextAsync(Path.Combine(outFolder, "email.eml"), received, cancellationToken);

        PrintVerdicts(final);
        if (final.Status != ShootStatuses.Delivered)
        {
            AnsiConsole.MarkupLine($"[red]The shoot could not be finished:[/] {Markup.Escape(final.Error ?? "unknown error")}");
            AnsiConsole.MarkupLine(received is null ? "[red]No email was received.[/]" : $"The person was told by email: {Markup.Escape(Path.Combine(outFolder, "email.eml"))}");
            return 1;
        }

        var storage = stack.Services.GetRequiredService<StorageClients>();
        var manifest = await GalleryDownloader.DownloadAsync(storage, shootId, outFolder, cancellationToken);
        var row = await stack.Services.GetRequiredService<ShootStore>().GetAsync(shootId, cancellationToken);
        var table = new Table().AddColumns("Look", "File", "Size", "Quality");
        foreach (var image in manifest.Images)
        {
            table.AddRow(Markup.Escape(image.LookName), Markup.Escape(image.File), $"{image.Width}×{image.Height}", image.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Gallery:  [link]{Markup.Escape(row?.GalleryUrl ?? "?")}[/]  (browse it while [bold]./headshots up[/] runs)");
        AnsiConsole.MarkupLine($"Inbox:    [link]{stack.InboxUrl}[/]");
        AnsiConsole.MarkupLine($"Output:   {Markup.Escape(Path.GetFullPath(outFolder))}");
        if (received is null)
        {
            AnsiConsole.MarkupLine("[red]The gallery was delivered but the SMTP server received no email.[/]");
            return 1;
        }
        return 0;
    }

    static void PrintVerdicts(ShootStatus status)
    {
        var rejected = status.Photos.Where(p => !p.Accepted).ToList();
        AnsiConsole.MarkupLine($"Photos: {status.Photos.Count - rejected.Count} accepted, {rejected.Count} rejected.");
        foreach (var p in rejected)
        {
            AnsiConsole.MarkupLine($"  [yellow]{Markup.Escape(p.Name)}[/]: {Markup.Escape(p.Reason ?? "")} [grey]Tip: {Markup.Escape(p.Tip ?? "")}[/]");
        }
    }
}

/// <summary>A shoot the CLI created and uploaded: its id and the status URL with its token.</summary>
public sealed record SubmittedShoot(string ShootId, string StatusUrl);
