using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Orchestrations;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>bench shoot</c>: a whole local shoot with the real engines on the CPU: 15 photos of 12 MP in, every look,
/// four 16 MP headshots per look out. Reports the wall time (order uploaded → gallery delivered and emailed) and
/// each engine's time per image from the jobs table. Target: under 4 minutes on 2 cores.
/// </summary>
public static class ShootBenchCommand
{
    const double TargetSeconds = 240;
    const int Photos = BenchShoot.Photos;
    const int KeepPerLook = 4;

    public static async Task<int> RunAsync(RepositoryPaths paths, CancellationToken cancellationToken)
    {
        var photos = BenchShoot.TwelveMegapixelPhotos(paths);
        var looks = LookCatalog.All.Select(l => l.Id).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "headshots-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["LocalRuntime:HubName"] = "BenchShootHub",
            ["Pipeline:KeepPerLook"] = KeepPerLook.ToString(CultureInfo.InvariantCulture),
        };
        var options = LocalStackFactory.Create(paths, settings: settings) with { Ports = LocalPorts.FirstFreeBlock(27410), StorageFolder = folder };
        try
        {
            AnsiConsole.MarkupLine($"Whole shoot: {Photos} photos of 12 MP, {looks.Count} looks × {KeepPerLook} at 16 MP, real engines on the CPU…");
            await using var stack = await LocalStack.StartAsync(options, cancellationToken);
            var run = await BenchShoot.RunAsync(stack, photos, looks, cancellationToken);
            var (shoot, final, stages, total) = (run.ShootId, run.Final, run.StageStarts, run.WallSeconds);

            var jobs = new List<JobEntity>();
            var table = stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.JobsTable);
            await foreach (var row in table.QueryAsync<JobEntity>(j => j.PartitionKey == shoot, cancellationToken: cancellationToken)) jobs.Add(row);

            var view = new Table().AddColumns("Engine (job kind)", "Images", "Seconds per image", "Seconds in all");
            foreach (var kind in GpuJobKinds.All.Where(k => jobs.Any(j => j.Kind == k)))
            {
                var ofKind = jobs.Where(j => j.Kind == kind).ToList();
                var perImage = ofKind.Average(j => j.GpuSeconds);
                view.AddRow(kind, ofKind.Count.ToString(CultureInfo.InvariantCulture), perImage.ToString("0.00", CultureInfo.InvariantCulture),
                    ofKind.Sum(j => j.GpuSeconds).ToString("0.0", CultureInfo.InvariantCulture));
                Console.WriteLine($"bench.shoot.{kind}.jobs={ofKind.Count} per_image_seconds={perImage.ToString("0.000", CultureInfo.InvariantCulture)} total_seconds={ofKind.Sum(j => j.GpuSeconds).ToString("0.0", CultureInfo.InvariantCulture)}");
            }
            AnsiConsole.Write(view);
            foreach (var (stage, start) in stages.OrderBy(s => s.Value))
            {
                Console.WriteLine($"bench.shoot.stage.{stage}.started_at_seconds={start.ToString("0.0", CultureInfo.InvariantCulture)}");
            }
            Console.WriteLine($"bench.shoot.delivered={final.Delivered} photos={Photos} looks={looks.Count}");
            Console.WriteLine($"bench.shoot.wall_seconds={total.ToString("0.0", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"bench.shoot.target_seconds={TargetSeconds.ToString("0", CultureInfo.InvariantCulture)} ratio_to_target={(total / TargetSeconds).ToString("0.00", CultureInfo.InvariantCulture)}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
