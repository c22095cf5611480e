using System.Diagnostics;
using Headshots.Engines.Upscaling;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Bench.Upscale;

/// <summary>One model run on one tile, session settings as the engine makes them; the first run of a size is not counted.</summary>
internal static class OnnxTiles
{
    public static void Measure(string model, int repeat, Report report)
    {
        using var options = EsrganUpscaler.CreateSessionOptions();
        using var session = new InferenceSession(model, options);
        foreach (var size in new[] { 128, 512 })
        {
            var input = new float[size * size * 3];
            var random = new Random(size);
            for (var i = 0; i < input.Length; i++) input[i] = random.Next(256);
            var output = new float[input.Length * 16];
            using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, size, size, 3]);
            using var outputValue = OrtValue.CreateTensorValueFromMemory(output, [1, size * 4, size * 4, 3]);
            using var run = new RunOptions();
            var times = new List<double>();
            for (var i = 0; i <= repeat; i++)
            {
                var watch = Stopwatch.StartNew();
                session.Run(run, ["input"], [inputValue], ["output"], [outputValue]);
                if (i > 0) times.Add(watch.Elapsed.TotalSeconds);
                else report.Line($"onnx_tile{size}_first_s", watch.Elapsed.TotalSeconds);
            }

            report.Line($"onnx_tile{size}_s", Report.Median(times));
            report.Line($"onnx_tile{size}_min_s", times.Min());
            report.Line($"onnx_tile{size}_us_per_input_px", times.Min() * 1e6 / (size * size));
        }
    }
}
