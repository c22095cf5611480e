using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Headshots.Engines;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>bench shoot</c>: a whole local shoot with the real engines on the CPU: 15 photos of 12 MP in (a weave woven
/// into the clothing, <see cref="WeaveChart"/>), every look, four 16 MP headshots per look out, once by each render
/// path (<c>Render:Path=legacy</c>: 1024 px + ESRGAN; <c>native</c>: from the photo's own pixels), side by side:
/// each engine's time per image, the wall time (order uploaded → gallery delivered and emailed), the process's peak
/// memory and how much of the weave the delivered images keep. Target: the native shoot under 60 s on 2 cores.
/// </summary>
public static class ShootBenchCommand
{
    const double TargetSeconds = 60;
    const int KeepPerLook = 4;

    /// <summary>What the upscale job can have enlarged a delivered image by (its job row's engine), in the table's order.</summary>
    static readonly string[] Enlargers = [Enlargements.None, Enlargements.Lanczos, Enlargements.Esrgan];

    /// <param name="photoCount">Fewer than 15 photos for a busy machine (at least the 8 a shoot needs).</param>
    /// <param name="renderPaths">The render paths to run, in order.</param>
    public static async Task<int> RunAsync(RepositoryPaths paths, int photoCount, IReadOnlyList<string> renderPaths, CancellationToken cancellationToken)
    {
        var photos = BenchShoot.WovenTwelveMegapixelPhotos(paths, photoCount);
        var looks = LookCatalog.All.Select(l => l.Id).ToList();
        AnsiConsole.MarkupLine($"Whole shoot: {photos.Count} photos of 12 MP (a weave on the clothing), {looks.Count} looks × {KeepPerLook} at 16 MP, real engines on the CPU, render paths {string.Join(" and ", renderPaths)}…");
        var runs = new List<PathRun>();
        foreach (var path in renderPaths)
        {
            runs.Add(await RunPathAsync(paths, path, photos, looks, cancellationToken));
        }

        var kinds = GpuJobKinds.All.Where(k => runs.Any(r => r.PerImage.ContainsKey(k))).ToList();
        var view = new Table().AddColumn("Seconds per image");
        foreach (var run in runs) view.AddColumn(run.Path);
        foreach (var kind in kinds)
        {
            view.AddRow([kind, .. runs.Select(r => r.PerImage.TryGetValue(kind, out var s) ? $"{s.Seconds:0.00} ({s.Jobs})" : "—")]);
        }
        view.AddRow(["whole shoot, wall seconds", .. runs.Select(r => r.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture))]);
        view.AddRow(["machine: fixed work before / after, ms", .. runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Calibration.Before:0} / {r.Calibration.After:0}"))]);
        view.AddRow(["peak memory, MB", .. runs.Select(r => r.PeakMegabytes is { } mb ? mb.ToString("0", CultureInfo.InvariantCulture) : "n/a")]);
        view.AddRow(["weave kept (correlation)", .. runs.Select(r => r.Detail.ToString("0.000", CultureInfo.InvariantCulture))]);
        view.AddRow(["real source, MP (mean)", .. runs.Select(r => r.SourceMegapixels.ToString("0.0", CultureInfo.InvariantCulture))]);
        view.AddRow(["frame width in the photo rendered from, px (mean)", .. runs.Select(r => r.FrameWidth.ToString("0", CultureInfo.InvariantCulture))]);
        view.AddRow([$"enlarged by ({string.Join(" / ", Enlargers)})", .. runs.Select(r => string.Join(" / ", Enlargers.Select(e => r.Enlargers.GetValueOrDefault(e))))]);
        AnsiConsole.Write(view);

        foreach (var run in runs)
        {
            var key = $"bench.shoot.{run.Path}";
            foreach (var (kind, s) in run.PerImage)
            {
                Console.WriteLine($"{key}.{kind}.jobs={s.Jobs} per_image_seconds={s.Seconds.ToString("0.000", CultureInfo.InvariantCulture)}");
            }
            foreach (var (kind, span) in run.Spans)
            {
                Console.WriteLine($"{key}.{kind}.span {span}");
            }
            Console.WriteLine($"{key}.delivered={run.DeliveredImages} photos={photos.Count} looks={looks.Count}");
            Console.WriteLine($"{key}.wall_seconds={run.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key}.process cpu_seconds={run.Run.CpuSeconds:0.0} kernel_seconds={run.Run.KernelSeconds:0.0} jit_seconds={run.Run.JitSeconds:0.0} jit_methods={run.Run.JitMethods} minor_faults={run.Run.Counters.MinorFaults}"));
            // The emulator (node) and the mail server when this process started them; reused ones are not its children.
            Console.WriteLine($"{key}.servers {(run.Run.Counters.Children.Count == 0 ? "none started by this process" : string.Join(" ", run.Run.Counters.Children
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name}_cpu_seconds={c.Seconds:0.0}"))))}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key}.machine calibration_ms_before={run.Calibration.Before:0} calibration_ms_after={run.Calibration.After:0}"));
            Console.WriteLine($"{key}.peak_memory_mb={(run.PeakMegabytes is { } mb ? mb.ToString("0", CultureInfo.InvariantCulture) : "n/a")}");
            Console.WriteLine($"{key}.weave_correlation={run.Detail.ToString("0.000", CultureInfo.InvariantCulture)} images_measured={run.Measured}");
            Console.WriteLine($"{key}.source_megapixels_mean={run.SourceMegapixels.ToString("0.00", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"{key}.frame_width_px_mean={run.FrameWidth.ToString("0", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"{key}.upscale_engines {string.Join(" ", run.Enlargers.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"))}");
        }
        if (runs.FirstOrDefault(r => r.Path == RenderOptions.Native) is { } native)
        {
            Console.WriteLine($"bench.shoot.native.target_seconds={TargetSeconds.ToString("0", CultureInfo.InvariantCulture)} ratio_to_target={(native.WallSeconds / TargetSeconds).ToString("0.00", CultureInfo.InvariantCulture)}");
            if (runs.FirstOrDefault(r => r.Path == RenderOptions.Legacy) is { Detail: > 0 } legacy)
            {
                Console.WriteLine($"bench.shoot.weave_ratio_native_to_legacy={(native.Detail / legacy.Detail).ToString("0.0", CultureInfo.InvariantCulture)} (target at least 3)");
            }
        }
        return 0;
    }

    static async Task<PathRun> RunPathAsync(RepositoryPaths paths, string renderPath, IReadOnlyList<(string Name, byte[] Jpeg)> photos, IReadOnlyList<string> looks,
        CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "headshots-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["LocalRuntime:HubName"] = "BenchShoot" + char.ToUpperInvariant(renderPath[0]) + renderPath[1..],
            ["Pipeline:KeepPerLook"] = KeepPerLook.ToString(CultureInfo.InvariantCulture),
            [$"{RenderOptions.Section}:Path"] = renderPath,
        };
        var options = LocalStackFactory.Create(paths, settings: settings) with { Ports = LocalPorts.FirstFreeBlock(27410), StorageFolder = folder };
        try
        {
            AnsiConsole.MarkupLine($"Render path [bold]{renderPath}[/]…");
            await using var stack = await LocalStack.StartAsync(options, cancellationToken);
            var before = MachineSpeed.CalibrationMilliseconds();
            PeakMemory.Reset();
            var run = await BenchShoot.RunAsync(stack, photos, looks, cancellationToken);
            var peak = PeakMemory.Megabytes();
            var after = MachineSpeed.CalibrationMilliseconds();

            var storage = stack.Services.GetRequiredService<StorageClients>();
            var jobs = new List<JobEntity>();
            await foreach (var row in storage.Table(StorageNames.JobsTable).QueryAsync<JobEntity>(j => j.PartitionKey == run.ShootId, cancellationToken: cancellationToken)) jobs.Add(row);
            var perImage = GpuJobKinds.All.Where(k => jobs.Any(j => j.Kind == k)).ToDictionary(
                k => k, k => (Seconds: jobs.Where(j => j.Kind == k).Average(j => j.GpuSeconds), Jobs: jobs.Count(j => j.Kind == k)));
            var spans = perImage.Keys.ToDictionary(k => k, k => JobSpan.Of(jobs.Where(j => j.Kind == k), run.OrderedAt));
            var delivered = await DetailAsync(storage, jobs, cancellationToken);
            // The upscale job's row names what enlarged the image (DeliveryUpscaler: none, lanczos or ESRGAN).
            var enlargers = jobs.Where(j => j.Kind == GpuJobKinds.Upscale && j.Status == JobStatus.Succeeded)
                .GroupBy(j => j.Engine ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
            return new PathRun(renderPath, perImage, spans, run, peak, delivered, enlargers, (before, after));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The weave's correlation in the first delivered image of each look, at the scale the image shows the photo
    /// (from the frame's width in the photo it was rendered from), averaged; and the mean real source resolution and frame width of every delivered image.
    /// </summary>
    static async Task<DeliveredDetail> DetailAsync(StorageClients storage, List<JobEntity> jobs, CancellationToken cancellationToken)
    {
        var results = jobs.Where(j => j.Status == JobStatus.Succeeded && j.ResultJson is not null)
            .ToDictionary(j => j.RowKey, j => JsonSerializer.Deserialize<GpuJobResult>(j.ResultJson!, JobJson.Options)!);
        var delivered = results.Where(r => r.Key.StartsWith("upscale-", StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var sources = new List<double>();
        var scores = new List<double>();
        var frames = new List<double>();
        foreach (var group in delivered.GroupBy(r => r.Key["upscale-".Length..^3]))
        {
            foreach (var (jobId, result) in group)
            {
                var key = jobId["upscale-".Length..];
                if (!results.TryGetValue($"generate-{key}", out var generated) || generated.ValuesAs<CandidateResult>()?.Source is not { } source) continue;
                // The frame in the photo the delivered image was rendered from: the enhance job's on the native path
                // (it rendered again from its photo input), the candidate's otherwise.
                var photo = results.TryGetValue($"enhance-{key}", out var enhanced) && enhanced.ValuesAs<EnhanceResult>()?.Source is { } rendered
                    ? rendered
                    : source;
                var frameWidth = photo.FrameWidth;
                frames.Add(frameWidth);
                if (result.ValuesAs<UpscaleResult>() is { InputWidth: { } w, InputHeight: { } h } upscaled)
                {
                    sources.Add(Math.Min(photo.Pixels > 0 ? photo.Pixels : (double)w * h, (double)w * h) / 1e6);
                }
                if (jobId != group.First().Key) continue;
                var path = BlobPath.Parse(result.ValuesAs<UpscaleResult>()!.Files.Full);
                var bytes = (await storage.Container(path.Container).GetBlobClient(path.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
                var image = RgbImage.Decode(bytes, WeaveChart.FullSize);
                scores.Add(WeaveChart.Correlation(image, BenchShoot.WeavePeriod * image.Width / frameWidth));
            }
        }
        return new DeliveredDetail(scores.DefaultIfEmpty(0).Average(), scores.Count, sources.DefaultIfEmpty(0).Average(), frames.DefaultIfEmpty(0).Average());
    }

    /// <param name="Detail">The weave's mean correlation over the <paramref name="Measured"/> images measured.</param>
    /// <param name="FrameWidth">The frames' mean width in the pixels of the photo each delivered image was rendered from.</param>
    sealed record DeliveredDetail(double Detail, int Measured, double SourceMegapixels, double FrameWidth);

    /// <param name="Enlargers">Delivered images per upscale engine (<see cref="Enlargements"/>).</param>
    /// <param name="Spans">Per job kind, when its jobs ran in the shoot.</param>
    /// <param name="Calibration">Milliseconds of <see cref="MachineSpeed"/>'s fixed work just before and just after the shoot.</param>
    sealed record PathRun(string Path, IReadOnlyDictionary<string, (double Seconds, int Jobs)> PerImage, IReadOnlyDictionary<string, JobSpan> Spans, BenchShootRun Run, double? PeakMegabytes,
        DeliveredDetail Delivered, IReadOnlyDictionary<string, int> Enlargers, (double Before, double After) Calibration)
    {
        public double WallSeconds => Run.WallSeconds;

        public int DeliveredImages => Run.Final.Delivered;

        public double Detail => Delivered.Detail;

        public int Measured => Delivered.Measured;

        public double SourceMegapixels => Delivered.SourceMegapixels;

        public double FrameWidth => Delivered.FrameWidth;
    }
}
