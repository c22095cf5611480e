using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Headshots.AzureOpenAiStandIn;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Orchestrations;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>bench generate</c>: a whole shoot with Generation:Engine = azure-openai against the local stand-in for Azure
/// OpenAI's images edits operation, answering after a realistic latency (default 20 s per image) with the top
/// reference photo re-lit, at most N calls in flight (default 4). 15 photos of 12 MP in, every look, four per look out.
/// Reports the generate stage's and the whole shoot's wall time, the calls, and the cost per delivered image at the
/// configured list prices. Targets: whole shoot ≤ 10 minutes and ≤ 3 USD for 20 delivered images. The model's own
/// speed and the images' quality are not measured here: the latency is a setting, and the images are stand-ins.
/// </summary>
public static class GenerateBenchCommand
{
    const double TargetSeconds = 600;
    const decimal TargetCost = 3m;
    const int KeepPerLook = 4;

    public static async Task<int> RunAsync(RepositoryPaths paths, double latencySeconds, int concurrent, CancellationToken cancellationToken)
    {
        var photos = BenchShoot.TwelveMegapixelPhotos(paths);
        var looks = LookCatalog.All.Select(l => l.Id).ToList();
        await using var model = await FakeAzureOpenAiServer.StartAsync();
        model.Latency = TimeSpan.FromSeconds(latencySeconds);
        model.Render = call => StandInAnswers.Filled(call.Images[0], call.Fields["size"], relight: true);
        var folder = Path.Combine(Path.GetTempPath(), "headshots-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["LocalRuntime:HubName"] = "BenchGenerateHub",
            ["Pipeline:KeepPerLook"] = KeepPerLook.ToString(CultureInfo.InvariantCulture),
            ["Generation:Engine"] = "azure-openai",
            ["Generation:MaxConcurrentCalls"] = concurrent.ToString(CultureInfo.InvariantCulture),
            ["AzureOpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["AzureOpenAI:Deployment"] = FakeAzureOpenAiServer.Deployment,
        };
        var options = LocalStackFactory.Create(paths, settings: settings) with
        {
            Ports = LocalPorts.FirstFreeBlock(27410),
            StorageFolder = folder,
            ConfigureServices = s => s.AddSingleton<TokenCredential>(new FakeCredential()),
        };
        try
        {
            AnsiConsole.MarkupLine($"Generated shoot: {photos.Count} photos of 12 MP, {looks.Count} looks × {KeepPerLook}, the image model answering in {latencySeconds:0.#} s, {concurrent} at a time…");
            await using var stack = await LocalStack.StartAsync(options, cancellationToken);
            var run = await BenchShoot.RunAsync(stack, photos, looks, cancellationToken);
            var manifest = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(run.ShootId, cancellationToken))!;
            var costs = new List<TableEntity>();
            await foreach (var row in stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.CostsTable)
                .QueryAsync<TableEntity>(r => r.PartitionKey == run.ShootId, cancellationToken: cancellationToken)) costs.Add(row);
            var cost = costs.Sum(r => decimal.Parse(r.GetString("AmountText"), CultureInfo.InvariantCulture));
            var delivered = manifest.Images.Count;
            var generated = manifest.Images.Count(i => i.Generated);
            var generate = run.StageSeconds(ShootStages.Generate) ?? 0;

            var view = new Table().AddColumns("Figure", "Value");
            view.AddRow("generate stage (s)", F(generate));
            view.AddRow("whole shoot (s)", F(run.WallSeconds));
            view.AddRow("model calls", model.Calls.Count.ToString(CultureInfo.InvariantCulture));
            view.AddRow("delivered (generated)", $"{delivered} ({generated})");
            view.AddRow("cost (USD, list prices)", cost.ToString("0.000", CultureInfo.InvariantCulture));
            view.AddRow("cost per delivered image", (cost / Math.Max(1, delivered)).ToString("0.000", CultureInfo.InvariantCulture));
            AnsiConsole.Write(view);
            Console.WriteLine($"bench.generate.latency_seconds={F(latencySeconds)} concurrent_calls={concurrent}");
            Console.WriteLine($"bench.generate.stage_seconds={F(generate)}");
            foreach (var stage in ShootStages.Pipeline.Where(run.StageStarts.ContainsKey))
            {
                Console.WriteLine($"bench.generate.stage.{stage}.seconds={F(run.StageSeconds(stage) ?? 0)}");
            }
            Console.WriteLine($"bench.generate.wall_seconds={F(run.WallSeconds)} target_seconds={F(TargetSeconds)} ratio_to_target={(run.WallSeconds / TargetSeconds).ToString("0.00", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"bench.generate.calls={model.Calls.Count} cost_rows={costs.Count} delivered={delivered} generated={generated}");
            Console.WriteLine($"bench.generate.cost_usd={cost.ToString("0.000", CultureInfo.InvariantCulture)} per_delivered_usd={(cost / Math.Max(1, delivered)).ToString("0.000", CultureInfo.InvariantCulture)} target_usd={TargetCost.ToString("0.00", CultureInfo.InvariantCulture)}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    static string F(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
