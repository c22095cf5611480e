using System.Diagnostics;
using System.Globalization;
using Headshots.Bench.Upscale;

// The upscaler benchmark, all in one run: our ONNX ESRGAN per tile and 1 MP → 16 MP (time and peak memory, in a
// fresh child process), ImageMagick Lanczos 1 MP → 16 MP, and the Node.js UpscalerJS peer on the same photo and weights.
// Usage (from the repository root):
//   dotnet run -c Release --project bench/Headshots.Bench.Upscale -- [--model PATH] [--tfjs MODEL.JSON] [--node-dir DIR]
//       [--skip-node] [--repeat N] [--node-patch 512] [--node-repeat 2]
// Prints key=value lines, for example bench.upscale.onnx_1mp_to_16mp_s=4.81.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
if (options.Child is { } child)
{
    return ChildRun.Run(options, child);
}

var report = new Report();
report.Line("machine_cores", Environment.ProcessorCount);
report.Line("load_average_start", Machine.LoadAverage());
var model = ModelFile.Ensure(options, report);
var photo = BenchPhoto.Load(options.RepositoryRoot, 1024, 1024);

OnnxTiles.Measure(model, options.Repeat, report);
var ours = ChildRun.Start(options, model, "1mp", report);
ChildRun.Start(options, model, "4x5", report);
LanczosRun.Measure(photo, options.Repeat, report);
if (!options.SkipNode)
{
    var node = NodePeer.Measure(options, photo, report);
    if (node is { } nodeSeconds && ours is { } oursSeconds)
    {
        report.Line("ratio_node_over_onnx", nodeSeconds / oursSeconds);
    }

    NodePeer.CompareOutputs(options, model, report);
}

report.Line("load_average_end", Machine.LoadAverage());
return 0;
