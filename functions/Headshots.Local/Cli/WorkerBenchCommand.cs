using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.GpuWorker;
using Headshots.GpuWorker.Handlers;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>bench worker</c>: the GPU worker's own memory with two job slots busy, without the Functions host. Two 12 MP
/// photos of the bench (<see cref="BenchShoot"/>) go through the worker's real handlers and engines, against
/// Azurite's blobs: each photo's candidate is framed first (the generate job, not measured; it also loads the
/// models), then the peak is reset and two chains of enhance → upscale run at once, as a worker with two job slots
/// runs them, with the upload itself as the enhance job's photo; the weave each delivered image kept is measured
/// afterwards. Once per render path, each in a process of its own (a second path in the same process would start from
/// the heap the first left); the process's peak resident memory over the two chains and each job's seconds.
/// </summary>
public static class WorkerBenchCommand
{
    const double TargetMegabytes = 1536;
    const int Slots = 2;
    const string ShootId = "bench-worker";

    /// <summary>The hidden option a parent bench gives a child process: where to write its run.</summary>
    public const string ResultOption = "--result";

    static readonly LookPreset Look = LookCatalog.All[0];

    /// <param name="resultFile">Set when this process runs one path for a parent bench: the run is written there as JSON, and nothing printed.</param>
    public static async Task<int> RunAsync(RepositoryPaths paths, IReadOnlyList<string> renderPaths, string? resultFile, CancellationToken cancellationToken)
    {
        if (resultFile is not null)
        {
            var run = await RunHereAsync(paths, renderPaths.Single(), cancellationToken);
            await File.WriteAllBytesAsync(resultFile, JsonSerializer.SerializeToUtf8Bytes(run, ResultJson.Default.PathRun), cancellationToken);
            return 0;
        }

        AnsiConsole.MarkupLine($"The worker alone: {Slots} photos of 12 MP, {Slots} enhance → upscale chains at once ({Look.Id}), real engines on the CPU, render paths {string.Join(" and ", renderPaths)}, each in its own process…");
        var runs = new List<PathRun>();
        foreach (var path in renderPaths)
        {
            AnsiConsole.MarkupLine($"Render path [bold]{path}[/]…");
            runs.Add(await RunInChildAsync(path, cancellationToken));
        }

        var view = new Table().AddColumn("Two chains at once");
        foreach (var run in runs) view.AddColumn(run.Path);
        for (var slot = 0; slot < Slots; slot++)
        {
            view.AddRow([$"photo {slot + 1}: enhance, s", .. runs.Select(r => Seconds(r.Chains[slot].EnhanceSeconds))]);
            view.AddRow([$"photo {slot + 1}: upscale, s (engine)", .. runs.Select(r => $"{Seconds(r.Chains[slot].UpscaleSeconds)} ({r.Chains[slot].Enlarger})")]);
            view.AddRow([$"photo {slot + 1}: rendered at", .. runs.Select(r => r.Chains[slot].Rendered)]);
            view.AddRow([$"photo {slot + 1}: weave kept (correlation)", .. runs.Select(r => Weave(r.Chains[slot].Weave))]);
        }
        view.AddRow(["both chains, wall s", .. runs.Select(r => Seconds(r.WallSeconds))]);
        view.AddRow(["resident before the chains, MB", .. runs.Select(r => Megabytes(r.BaselineMegabytes))]);
        view.AddRow(["peak resident during the chains, MB", .. runs.Select(r => Megabytes(r.PeakMegabytes))]);
        AnsiConsole.Write(view);

        foreach (var run in runs)
        {
            var key = $"bench.worker.{run.Path}";
            for (var slot = 0; slot < Slots; slot++)
            {
                var chain = run.Chains[slot];
                Console.WriteLine($"{key}.photo{slot + 1} enhance_seconds={Seconds(chain.EnhanceSeconds)} upscale_seconds={Seconds(chain.UpscaleSeconds)} upscale_engine={chain.Enlarger} rendered={chain.Rendered} weave_correlation={Weave(chain.Weave)}");
            }
            Console.WriteLine($"{key}.wall_seconds={Seconds(run.WallSeconds)} slots={Slots}");
            Console.WriteLine($"{key}.baseline_memory_mb={Megabytes(run.BaselineMegabytes)}");
            Console.WriteLine($"{key}.peak_memory_mb={Megabytes(run.PeakMegabytes)} target_mb={TargetMegabytes.ToString("0", CultureInfo.InvariantCulture)}" +
                (run.PeakMegabytes is { } mb ? $" ratio_to_target={(mb / TargetMegabytes).ToString("0.00", CultureInfo.InvariantCulture)}" : ""));
        }
        return 0;
    }

    /// <summary>This CLI again, as <c>bench worker --path P --result FILE</c>: a fresh process whose peak is one path's alone.</summary>
    static async Task<PathRun> RunInChildAsync(string renderPath, CancellationToken cancellationToken)
    {
        var resultFile = Path.Combine(Path.GetTempPath(), $"headshots-bench-worker-{Guid.NewGuid():N}.json");
        var host = Environment.ProcessPath ?? throw new CliException("The path of this process is unknown, so the bench cannot start a process per render path; run it once per --path.");
        var start = new ProcessStartInfo(host);
        // Under `dotnet headshots.dll` the host is dotnet and the CLI its first argument; an apphost is the CLI itself.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var argument in new[] { "bench", "worker", "--path", renderPath, ResultOption, resultFile }) start.ArgumentList.Add(argument);
        try
        {
            using var child = Process.Start(start) ?? throw new CliException($"The bench could not start {host}.");
            await child.WaitForExitAsync(cancellationToken);
            if (child.ExitCode != 0 || !File.Exists(resultFile))
            {
                throw new CliException($"The {renderPath} run of the worker bench failed (exit code {child.ExitCode}); run `./headshots bench worker --path {renderPath}` to see why.");
            }
            return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(resultFile, cancellationToken), ResultJson.Default.PathRun)!;
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>One path in this process: Azurite on its own ports, then the run.</summary>
    static async Task<PathRun> RunHereAsync(RepositoryPaths paths, string renderPath, CancellationToken cancellationToken)
    {
        var photos = BenchShoot.WovenTwelveMegapixelPhotos(paths, Slots);
        var folder = Path.Combine(Path.GetTempPath(), "headshots-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var ports = LocalPorts.FirstFreeBlock(27510);
        try
        {
            await using (await AzuriteServer.EnsureAsync(paths, ports, folder, cancellationToken))
            {
                return await RunPathAsync(paths, ports, renderPath, photos, cancellationToken);
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<PathRun> RunPathAsync(RepositoryPaths paths, LocalPorts ports, string renderPath, IReadOnlyList<(string Name, byte[] Jpeg)> photos,
        CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteConnection.For(ports),
            ["Worker:ModelsPath"] = paths.Models,
            ["Worker:MaxConcurrentJobs"] = Slots.ToString(CultureInfo.InvariantCulture),
            [$"{RenderOptions.Section}:Path"] = renderPath,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGpuWorker(configuration);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<StorageClients>();
        await storage.EnsureCreatedAsync(cancellationToken);
        var blobs = provider.GetRequiredService<JobBlobs>();
        var handlers = provider.GetServices<IGpuJobHandler>().ToDictionary(h => h.Kind);

        // What the orchestrator would hand the enhance job: the candidate and the photo it was framed from.
        var prefix = $"{StorageNames.WorkContainer}/{ShootId}/{renderPath}/";
        var inputs = new List<ChainInput>();
        for (var slot = 0; slot < photos.Count; slot++)
        {
            var photo = await blobs.WriteAsync($"{StorageNames.UploadsContainer}/{ShootId}/{photos[slot].Name}", photos[slot].Jpeg, "image/jpeg", cancellationToken);
            var generate = Job(GpuJobKinds.Generate, $"generate-{slot}", [photo], $"{prefix}candidates/", new GenerateJobParameters(Look.Id, slot, null).ToParameters());
            var candidate = (CandidateResult)(await handlers[GpuJobKinds.Generate].HandleAsync(generate, cancellationToken)).Values;
            inputs.Add(new ChainInput(photo, candidate.Path, slot, candidate.Source?.FrameWidth));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = PeakMemory.Resident();
        PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        var chains = await Task.WhenAll(inputs.Select(i => Task.Run(() => ChainAsync(handlers, i, prefix, cancellationToken), cancellationToken)));
        var wall = clock.Elapsed.TotalSeconds;
        var peak = PeakMemory.Megabytes();

        // Measured after the peak is read: decoding the 16 MP images is the bench's work, not the worker's.
        var measured = new List<ChainRun>();
        foreach (var chain in chains)
        {
            var image = RgbImage.Decode(await blobs.ReadAsync(chain.Delivered, cancellationToken), WeaveChart.FullSize);
            measured.Add(chain with { Weave = WeaveChart.Correlation(image, BenchShoot.WeavePeriod * image.Width / chain.FrameWidth) });
        }
        return new PathRun(renderPath, measured, wall, baseline, peak);
    }

    /// <summary>One job slot's work: the enhance job (rendering again from the photo on the native path), then the upscale job on its output.</summary>
    static async Task<ChainRun> ChainAsync(IReadOnlyDictionary<string, IGpuJobHandler> handlers, ChainInput input, string prefix, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var variant = input.Variant;
        var enhanceJob = Job(GpuJobKinds.Enhance, $"enhance-{variant}", [input.Candidate, input.Photo], $"{prefix}enhanced/", new EnhanceJobParameters(Look.Id, variant).ToParameters());
        var enhanced = (EnhanceResult)(await handlers[GpuJobKinds.Enhance].HandleAsync(enhanceJob, cancellationToken)).Values;
        var enhanceSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var upscaleJob = Job(GpuJobKinds.Upscale, $"upscale-{variant}", [enhanced.Path], $"{prefix}final/",
            new Dictionary<string, string> { [UpscaleJob.AspectParameter] = Look.Aspect.Name, [UpscaleJob.WebPParameter] = UpscaleJob.Flag(false) });
        var upscaled = await handlers[GpuJobKinds.Upscale].HandleAsync(upscaleJob, cancellationToken);
        var rendered = $"{enhanced.Measurements.Width}×{enhanced.Measurements.Height}";
        // The frame in the photo the image was rendered from: the enhance job's on the native path, the candidate's otherwise.
        var frameWidth = enhanced.Source?.FrameWidth ?? input.FrameWidth
            ?? throw new InvalidOperationException($"The candidate of {input.Photo} was not framed from the photo (no face found?), so its weave cannot be measured.");
        return new ChainRun(enhanceSeconds, clock.Elapsed.TotalSeconds, upscaled.Engine, rendered, ((UpscaleResult)upscaled.Values).Files.Full, frameWidth);
    }

    static GpuJobMessage Job(string kind, string jobId, IReadOnlyList<string> inputs, string outputPrefix, IReadOnlyDictionary<string, string> parameters) =>
        new(jobId, ShootId, "bench-worker-instance", kind, inputs, outputPrefix, parameters, 1);

    static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    static string Weave(double? correlation) => correlation is { } c ? c.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    static string Megabytes(double? megabytes) => megabytes is { } mb ? mb.ToString("0", CultureInfo.InvariantCulture) : "n/a";

    /// <param name="Enlarger">The upscale job's engine: none, lanczos or ESRGAN (<see cref="Headshots.Engines.Enlargements"/>).</param>
    /// <param name="Rendered">The retouched image's size, what the upscale job enlarged.</param>
    /// <param name="Delivered">The 16 MP image's blob.</param>
    /// <param name="FrameWidth">The frame's width in the photo the image was rendered from, in that photo's pixels.</param>
    /// <param name="Weave">The weave's correlation in the delivered image (<see cref="WeaveChart.Correlation"/>), once measured.</param>
    internal sealed record ChainRun(double EnhanceSeconds, double UpscaleSeconds, string Enlarger, string Rendered, string Delivered, double FrameWidth, double? Weave = null);

    /// <summary>One job slot's inputs: the photo, the candidate framed from it, its variant and the frame's width in the photo.</summary>
    sealed record ChainInput(string Photo, string Candidate, int Variant, double? FrameWidth);

    /// <param name="BaselineMegabytes">Resident after the models were loaded and the candidates framed, before the chains.</param>
    internal sealed record PathRun(string Path, IReadOnlyList<ChainRun> Chains, double WallSeconds, double? BaselineMegabytes, double? PeakMegabytes);
}

/// <summary>The worker bench's run as a child process hands it to its parent.</summary>
[JsonSerializable(typeof(WorkerBenchCommand.PathRun))]
internal sealed partial class ResultJson : JsonSerializerContext;
