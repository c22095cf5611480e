using System.Diagnostics;
using Headshots.Engines.Upscaling;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Bench.Upscale;

/// <summary>
/// The 1 MP → 16 MP upscale runs in a fresh process of this program, so its peak working set is the upscaler's alone
/// (model session, tiles, accumulator, result image) and not the tile benchmark's.
/// </summary>
internal static class ChildRun
{
    public static double? Start(BenchOptions options, string model, string which, Report report)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!self.EndsWith("Headshots.Bench.Upscale", StringComparison.Ordinal))
        {
            // Run through the dotnet host (dotnet run, or dotnet Headshots.Bench.Upscale.dll).
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        foreach (var arg in new[] { "--child", which, "--model", model, "--repeat", options.Repeat.ToString() }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        double? warm = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine(line);
            if (line.StartsWith($"bench.upscale.onnx_{which}_to_16mp_s=", StringComparison.Ordinal))
            {
                warm = double.Parse(line.Split('=')[1]);
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The {which} child run failed with exit code {process.ExitCode}.");
        return warm;
    }

    public static int Run(BenchOptions options, string which)
    {
        var report = new Report();
        var (width, height, targetWidth, targetHeight) = which switch
        {
            "1mp" => (1024u, 1024u, 4096u, 4096u),
            "4x5" => (816u, 1020u, 3580u, 4475u),
            _ => throw new ArgumentException($"Unknown child run '{which}'."),
        };
        using var input = BenchPhoto.ToMagick(BenchPhoto.Load(options.RepositoryRoot, width, height));
        var watch = Stopwatch.StartNew();
        using var sessionOptions = EsrganUpscaler.CreateSessionOptions();
        using var session = new InferenceSession(options.ModelPath, sessionOptions);
        report.Line($"onnx_{which}_session_load_s", watch.Elapsed.TotalSeconds);
        using var upscaler = new EsrganUpscaler(session);
        report.Line("tile_size", upscaler.Tiling.TileSize);
        report.Line("tile_overlap", upscaler.Tiling.Overlap);

        var times = new List<double>();
        for (var i = 0; i <= options.Repeat; i++)
        {
            watch.Restart();
            using var result = upscaler.Upscale(input, targetWidth, targetHeight, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            if (result.Width != targetWidth || result.Height != targetHeight) throw new InvalidOperationException("Wrong output size.");
            if (i == 0) report.Line($"onnx_{which}_to_16mp_first_s", seconds);
            else times.Add(seconds);
        }

        report.Line($"onnx_{which}_to_16mp_s", Report.Median(times));
        report.Line($"onnx_{which}_to_16mp_min_s", times.Min());
        report.Line($"onnx_{which}_peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / 1e6);
        return 0;
    }
}
