using System.Diagnostics;
using Headshots.Models.Keras;

namespace Headshots.Bench.Upscale;

/// <summary>The converted model: used as it is, or converted from the TF.js files when --tfjs is given and it is missing.</summary>
internal static class ModelFile
{
    public static string Ensure(BenchOptions options, Report report)
    {
        if (File.Exists(options.ModelPath)) return options.ModelPath;
        if (options.TfjsModel is null)
        {
            throw new FileNotFoundException($"{options.ModelPath} is missing: run ./headshots models fetch, or pass --tfjs path/to/x4/model.json.");
        }

        var watch = Stopwatch.StartNew();
        var bytes = KerasLayersConverter.Convert(options.TfjsModel);
        Directory.CreateDirectory(Path.GetDirectoryName(options.ModelPath)!);
        File.WriteAllBytes(options.ModelPath, bytes);
        report.Line("convert_s", watch.Elapsed.TotalSeconds);
        return options.ModelPath;
    }
}
