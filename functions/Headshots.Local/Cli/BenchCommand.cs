using System.Diagnostics;
using System.Globalization;
using Headshots.Engines.Looks;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Orchestrations;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// The benchmark: a shoot of N photos with no-op engines, so every second measured is the pipeline's own overhead
/// (queues, orchestration, tables, email), per stage and in total; then the wall time of ./headshots demo.
/// </summary>
public static class BenchCommand
{
    const double TargetSeconds = 3.0;

    public static async Task<int> RunAsync(CliArguments a, CancellationToken cancellationToken)
    {
        if (a.Positionals is ["models"]) return ModelBenchCommand.Run(RepositoryPaths.Find());
        if (a.Positionals is ["intake"]) return IntakeBenchCommand.Run(RepositoryPaths.Find(), cancellationToken);
        if (a.Positionals is ["shoot"])
        {
            var photos = a.Option("photos") is { } wanted
                ? int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen is >= 8 and <= BenchShoot.Photos ? chosen : throw new CliException($"--photos must be a number from 8 to {BenchShoot.Photos} for bench shoot.")
                : BenchShoot.Photos;
            var renderPaths = a.Option("path") switch
            {
                null or "both" => [RenderOptions.Legacy, RenderOptions.Native],
                RenderOptions.Legacy or RenderOptions.Native => new[] { a.Option("path")! },
                var other => throw new CliException($"--path must be legacy, native or both, got '{other}'."),
            };
            return await ShootBenchCommand.RunAsync(RepositoryPaths.Find(), photos, renderPaths, cancellationToken);
        }
        if (a.Positionals is ["generate"])
        {
            var latency = a.Option("latency") is { } l
                ? double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 300 ? s : throw new CliException("--latency must be seconds from 0 to 300.")
                : 20;
            var concurrent = a.Option("concurrent") is { } c
                ? int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= 32 ? k : throw new CliException("--concurrent must be a number from 1 to 32.")
                : 4;
            return await GenerateBenchCommand.RunAsync(RepositoryPaths.Find(), latency, concurrent, cancellationToken);
        }
        if (a.Positionals.Count > 0) throw new CliException($"Unknown benchmark '{a.Positionals[0]}'; run ./headshots bench, ./headshots bench models, ./headshots bench intake, ./headshots bench shoot or ./headshots bench generate.");
        var count = a.Option("photos") is { } p
            ? int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 8 and <= 200 ? n : throw new CliException("--photos must be a number from 8 to 200.")
            : 40;
        var paths = RepositoryPaths.Find();
        var settings = new Dictionary<string, string?>
        {
            ["Worker:Engines"] = "noop",
            ["Worker:MaxConcurrentJobs"] = "8",
            ["Pipeline:MaxUploads"] = "200",
            ["LocalRuntime:HubName"] = "BenchHub",
        };
        var (stages, total) = await MeasureShootAsync(paths, settings, count, cancellationToken);

        var table = new Table().AddColumns("Stage", "Overhead (s)");
        foreach (var (stage, seconds) in stages) table.AddRow(stage, seconds.ToString("0.000", CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", $"[bold]{total.ToString("0.000", CultureInfo.InvariantCulture)}[/]");
        AnsiConsole.MarkupLine($"Orchestration overhead, {count}-photo shoot, no-op engines (order uploaded → delivered, email sent):");
        AnsiConsole.Write(table);
        Console.WriteLine($"bench.orchestration.total_seconds={total.ToString("0.000", CultureInfo.InvariantCulture)}");
        foreach (var (stage, seconds) in stages) Console.WriteLine($"bench.orchestration.{stage}_seconds={seconds.ToString("0.000", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"bench.orchestration.target_seconds={TargetSeconds.ToString("0.0", CultureInfo.InvariantCulture)} ratio_to_target={(total / TargetSeconds).ToString("0.00", CultureInfo.InvariantCulture)}");

        if (!a.Flag("skip-demo"))
        {
            var demo = await TimeDemoAsync(paths, cancellationToken);
            Console.WriteLine($"bench.demo.wall_seconds={demo.ToString("0.0", CultureInfo.InvariantCulture)}");
        }
        return 0;
    }

    static async Task<(List<(string Stage, double Seconds)> Stages, double Total)> MeasureShootAsync(
        RepositoryPaths paths, Dictionary<string, string?> settings, int count, CancellationToken cancellationToken)
    {
        // A fresh emulator on its own ports: what earlier runs left in storage must not weigh on the figures.
        var folder = Path.Combine(Path.GetTempPath(), "headshots-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var options = LocalStackFactory.Create(paths, settings: settings) with { Ports = LocalPorts.FirstFreeBlock(27410), StorageFolder = folder };
        try
        {
            return await MeasureOnAsync(options, count, cancellationToken);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<(List<(string Stage, double Seconds)> Stages, double Total)> MeasureOnAsync(
        LocalStackOptions options, int count, CancellationToken cancellationToken)
    {
        await using var stack = await LocalStack.StartAsync(options, cancellationToken);
        using var http = new HttpClient { BaseAddress = stack.BaseUrl };
        var client = new StudioClient(http);
        // Warm-up shoot: the first one pays for JIT and connection set-up, which is not orchestration overhead.
        await RunOnceAsync(client, 8, new Dictionary<string, double>(), cancellationToken);

        var firstSeen = new Dictionary<string, double>();
        var total = await RunOnceAsync(client, count, firstSeen, cancellationToken);
        var ordered = firstSeen.OrderBy(kv => kv.Value).ToList();
        var stages = new List<(string, double)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].Value : total;
            if (ordered[i].Key is ShootStages.Delivered) continue;
            stages.Add((ordered[i].Key, end - ordered[i].Value));
        }
        return (stages, total);
    }

    static async Task<double> RunOnceAsync(StudioClient client, int count, Dictionary<string, double> firstSeen, CancellationToken cancellationToken)
    {
        var photos = Enumerable.Range(1, count).Select(i => ($"photo-{i:000}.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })).ToList();
        var shoot = await client.CreateShootAsync("bench@example.com", photos.Select(p => p.Item1).ToList(), cancellationToken);
        foreach (var target in shoot.Uploads) await client.UploadAsync(target.Url, photos.First(p => p.Item1 == target.Name).Item2, "image/jpeg", cancellationToken);
        var clock = Stopwatch.StartNew();
        await client.UploadAsync(shoot.OrderUrl, """{"email":"bench@example.com","looks":["corporate-grey","bright-office","bw-editorial"]}"""u8.ToArray(), "application/json", cancellationToken);
        var final = await client.FollowAsync(shoot.StatusUrl, s => firstSeen.TryAdd(s.Stage, clock.Elapsed.TotalSeconds),
            TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), cancellationToken);
        var total = clock.Elapsed.TotalSeconds;
        if (final.Status != ShootStatuses.Delivered) throw new InvalidOperationException($"The benchmark shoot did not finish: {final.Error}");
        return total;
    }

    static async Task<double> TimeDemoAsync(RepositoryPaths paths, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine("Timing ./headshots demo…");
        var info = new ProcessStartInfo("bash", [Path.Combine(paths.Root, "headshots"), "demo", "--out", Path.Combine(paths.Root, "out", "bench-demo")])
        {
            WorkingDirectory = paths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"./headshots demo failed with exit code {process.ExitCode}: {await errors}{await output}");
        return clock.Elapsed.TotalSeconds;
    }
}
