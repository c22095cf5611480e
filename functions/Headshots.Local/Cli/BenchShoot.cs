using System.Diagnostics;
using Headshots.Engines.Imaging;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Orchestrations;

namespace Headshots.Local.Cli;

/// <summary>A shoot a benchmark times: when each stage began and the wall time from the order's upload to delivery.</summary>
/// <param name="OrderedAt">When the order was uploaded: the zero of <paramref name="StageStarts"/> and <paramref name="WallSeconds"/>.</param>
/// <param name="JitSeconds">Time this process spent compiling methods during the shoot (all threads, <see cref="System.Runtime.JitInfo"/>).</param>
/// <param name="JitMethods">Methods compiled during the shoot (each tier of a method counts).</param>
/// <param name="CpuSeconds">This process's processor time during the shoot (user and kernel, all threads).</param>
/// <param name="KernelSeconds">The part of <paramref name="CpuSeconds"/> spent in the kernel (page faults, I/O).</param>
/// <param name="Counters">This process's minor page faults during the shoot, and the processor time of the servers it started (the storage emulator among them).</param>
public sealed record BenchShootRun(string ShootId, ShootStatus Final, IReadOnlyDictionary<string, double> StageStarts, double WallSeconds, DateTimeOffset OrderedAt,
    double JitSeconds, long JitMethods, double CpuSeconds, double KernelSeconds, ProcessCounters Counters)
{
    /// <summary>Seconds from the start of <paramref name="stage"/> to the start of the next stage that began.</summary>
    public double? StageSeconds(string stage) =>
        StageStarts.TryGetValue(stage, out var start) && StageStarts.Values.Where(v => v > start).DefaultIfEmpty(WallSeconds).Min() is var end ? end - start : null;
}

/// <summary>The whole-shoot benchmarks' common part: the sample person's photos at 12 MP, uploaded through the API, followed to the end.</summary>
public static class BenchShoot
{
    public const int Photos = 15;

    /// <summary>How often the benchmark reads the shoot's status: the wall time is known to within this.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The weave's period in the 12 MP photos' pixels. Not <see cref="WeaveChart.Period"/> (3): a JPEG decoded at half
    /// size, as the intake's working copy of a 12 MP photo is, folds a 3 px weave back onto 3 px (1.5 px is past what
    /// half size holds, and 2/3 cycle per pixel aliases to 1/3), so a measure at 3 px would find a weave the copy does
    /// not really hold. 2.5 px folds to 5 px instead, so only the real weave is found.
    /// </summary>
    public const double WeavePeriod = 2.5;

    /// <summary>
    /// The sample person's selfies of 12 MP (<see cref="TwelveMegapixelSelfies"/>: 3:4, enlarged by the same factor on
    /// both axes, the face at about 0.3 of the width, as a phone's front camera at arm's length).
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> TwelveMegapixelPhotos(RepositoryPaths paths, int count = Photos) =>
        TwelveMegapixelSelfies.Make(File.ReadAllBytes(Path.Combine(paths.Samples, "astronaut.png")), count, seed: 5);

    /// <summary>
    /// The same photos with a weave of <see cref="WeavePeriod"/> woven into the clothing at 12 MP (<see cref="WeaveChart"/>): the only detail finer
    /// than the sample portrait itself, which a delivered image keeps only if it is rendered from the photo's own pixels.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> WovenTwelveMegapixelPhotos(RepositoryPaths paths, int count) =>
        TwelveMegapixelPhotos(paths, count).AsParallel().AsOrdered().Select(p => (p.Name, WeaveChart.OnClothing(p.Jpeg, 90, WeavePeriod))).ToList();

    /// <summary>Creates the shoot, uploads the photos, then times from the order's upload until the shoot ends.</summary>
    public static async Task<BenchShootRun> RunAsync(LocalStack stack, IReadOnlyList<(string Name, byte[] Jpeg)> photos, IReadOnlyList<string> looks,
        CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = stack.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var client = StudioClient.For(stack, http);
        var shoot = await client.CreateShootAsync("bench@example.com", photos.Select(p => p.Name).ToList(), cancellationToken);
        foreach (var target in shoot.Uploads) await client.UploadAsync(target.Url, photos.First(p => p.Name == target.Name).Jpeg, "image/jpeg", cancellationToken);

        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var (cpu, kernel) = (Process.GetCurrentProcess().TotalProcessorTime, Process.GetCurrentProcess().PrivilegedProcessorTime);
        var counters = ProcessCounters.Read();
        var orderedAt = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var order = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { email = "bench@example.com", looks });
        await client.UploadAsync(shoot.OrderUrl, order, "application/json", cancellationToken);
        var stages = new Dictionary<string, double>();
        // Four polls a second: each reads rows and the orchestration's state from the emulator, which shares the two
        // cores with the shoot; the status page itself refreshes every 10 s.
        var final = await client.FollowAsync(shoot.StatusUrl, s => stages.TryAdd(s.Stage, clock.Elapsed.TotalSeconds),
            PollInterval, TimeSpan.FromMinutes(30), cancellationToken);
        var wall = clock.Elapsed.TotalSeconds;
        var jitSeconds = (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds;
        var jitCount = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var kernelSeconds = (Process.GetCurrentProcess().PrivilegedProcessorTime - kernel).TotalSeconds;
        var counted = ProcessCounters.Read().Since(counters);
        if (final.Status != ShootStatuses.Delivered) throw new InvalidOperationException($"The benchmark shoot did not finish: {final.Error}");
        return new BenchShootRun(shoot.ShootId, final, stages, wall, orderedAt, jitSeconds, jitCount, cpuSeconds, kernelSeconds, counted);
    }
}
