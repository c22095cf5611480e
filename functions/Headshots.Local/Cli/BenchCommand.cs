using System.CommandLine;
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

    public static Command Definition()
    {
        var photos = Ranged(new Option<int>("--photos") { HelpName = "N", Description = "photos in the shoot", DefaultValueFactory = _ => 40 }, 8, 200);
        var skipDemo = new Option<bool>("--skip-demo") { Description = "measure the orchestration only, not the demo's wall time" };
        var command = new Command("bench", "measure orchestration overhead (no-op engines) and the demo's wall time") { photos, skipDemo };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(photos), parse.GetValue(skipDemo), cancellationToken));

        var models = new Command("models", "each model's latency, face analysis of a 12 MP photo, a 16 MP person mask");
        models.SetAction(_ => ModelBenchCommand.Run(RepositoryPaths.Find()));
        var intake = new Command("intake", "intake of 15 photos of 12 MP: time and peak memory");
        intake.SetAction((_, cancellationToken) => Task.FromResult(IntakeBenchCommand.Run(RepositoryPaths.Find(), cancellationToken)));
        var shootPhotos = Ranged(new Option<int>("--photos")
        {
            HelpName = "N", Description = "photos of 12 MP in the shoot", DefaultValueFactory = _ => BenchShoot.Photos,
        }, 8, BenchShoot.Photos);
        var renderPath = RenderPathOption();
        var shoot = new Command("shoot", "a whole shoot: 15 photos of 12 MP in, 5 looks × 4 at 16 MP out, legacy and native render paths side by side")
        {
            shootPhotos, renderPath,
        };
        shoot.SetAction((parse, cancellationToken) => ShootBenchCommand.RunAsync(RepositoryPaths.Find(), parse.GetValue(shootPhotos),
            RenderPaths(parse.GetValue(renderPath)), cancellationToken));
        var workerPath = RenderPathOption();
        var workerResult = new Option<string>(WorkerBenchCommand.ResultOption) { Hidden = true, Description = "(a child run's result file)" };
        var worker = new Command("worker", "the GPU worker alone: two 12 MP photos through enhance and upscale at once, peak memory and seconds per job, per render path")
        {
            workerPath, workerResult,
        };
        worker.SetAction((parse, cancellationToken) =>
        {
            var renderPaths = RenderPaths(parse.GetValue(workerPath));
            if (parse.GetValue(workerResult) is not null && renderPaths.Count != 1) throw new CliException($"{WorkerBenchCommand.ResultOption} runs one render path: give --path legacy or --path native.");
            return WorkerBenchCommand.RunAsync(RepositoryPaths.Find(), renderPaths, parse.GetValue(workerResult), cancellationToken);
        });
        var latency = new Option<double>("--latency") { HelpName = "S", Description = "the stand-in's seconds per image", DefaultValueFactory = _ => 20 };
        latency.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 300) r.AddError("--latency must be seconds from 0 to 300."); });
        var concurrent = Ranged(new Option<int>("--concurrent") { HelpName = "N", Description = "calls in flight", DefaultValueFactory = _ => 4 }, 1, 32);
        var generate = new Command("generate", "the same shoot generated through a local Azure OpenAI stand-in") { latency, concurrent };
        generate.SetAction((parse, cancellationToken) =>
            GenerateBenchCommand.RunAsync(RepositoryPaths.Find(), parse.GetValue(latency), parse.GetValue(concurrent), cancellationToken));
        foreach (var sub in new[] { models, intake, shoot, worker, generate }) command.Subcommands.Add(sub);
        return command;
    }

    static Option<string> RenderPathOption()
    {
        var option = new Option<string>("--path") { HelpName = "P", Description = "the render path: legacy, native or both", DefaultValueFactory = _ => "both" };
        option.AcceptOnlyFromAmong(RenderOptions.Legacy, RenderOptions.Native, "both");
        return option;
    }

    /// <summary>The render paths a <c>--path</c> value names, legacy first when both.</summary>
    static IReadOnlyList<string> RenderPaths(string? value) => value is "both" or null ? [RenderOptions.Legacy, RenderOptions.Native] : [value];

    static Option<int> Ranged(Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var v && (v < min || v > max)) r.AddError($"{option.Name} must be a number from {min} to {max}.");
        });
        return option;
    }

    static async Task<int> RunAsync(int count, bool skipDemo, CancellationToken cancellationToken)
    {
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

        if (!skipDemo)
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
        var client = StudioClient.For(stack, http);
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
