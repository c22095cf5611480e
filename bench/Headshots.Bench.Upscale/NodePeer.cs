using Headshots.Engines.Imaging;
using System.Diagnostics;
using Headshots.Engines.Upscaling;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Bench.Upscale;

/// <summary>
/// The peer: bench/node-upscaler/upscale.cjs (UpscalerJS 1.0.0, ESRGAN-slim x4 1.0.0, TensorFlow.js 4.22.0 on its
/// WebAssembly backend) on the same raw RGB pixels. It needs <c>npm ci</c> in that folder first.
/// </summary>
internal static class NodePeer
{
    public static double? Measure(BenchOptions options, RgbImage photo, Report report)
    {
        var input = Path.Combine(Path.GetTempPath(), $"bench-upscale-{Environment.ProcessId}.rgb");
        File.WriteAllBytes(input, photo.Pixels);
        try
        {
            var lines = Run(options, input, photo.Width, photo.Height, options.NodePatch, options.NodeRepeat, output: null);
            var seconds = Value(lines, "node.upscale_s");
            if (seconds is { } s)
            {
                report.Line("node_1mp_to_16mp_s", s);
                report.Line("node_1mp_patch", options.NodePatch);
                report.Line("node_1mp_us_per_input_px", s * 1e6 / (photo.Width * photo.Height));
            }

            report.Line("node_1mp_times_s", Text(lines, "node.times_s") ?? "failed");
            report.Line("node_peak_rss_mb", Text(lines, "node.peak_rss_mb") ?? "unknown");
            report.Line("node_backend", $"{Text(lines, "node.backend")} threads={Text(lines, "node.wasm_threads")} simd={Text(lines, "node.wasm_simd")}");
            return seconds;
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>Both implementations on one 256² crop of the photo: the converted model must compute what TF.js computes.</summary>
    public static void CompareOutputs(BenchOptions options, string model, Report report)
    {
        const int size = 256;
        var photo = BenchPhoto.Load(options.RepositoryRoot, size, size);
        var input = Path.Combine(Path.GetTempPath(), $"bench-upscale-{Environment.ProcessId}-small.rgb");
        var output = input + ".out";
        File.WriteAllBytes(input, photo.Pixels);
        try
        {
            Run(options, input, size, size, patch: 0, repeat: 1, output);
            var theirs = File.ReadAllBytes(output);
            using var sessionOptions = EsrganUpscaler.CreateSessionOptions();
            using var session = new InferenceSession(model, sessionOptions);
            // One tile: the same computation UpscalerJS does without patches.
            var ours = new EsrganUpscaler(session, new EsrganTiling(TileSize: size, Overlap: 0)).Upscale4x(photo, CancellationToken.None).Pixels;
            long total = 0;
            var max = 0;
            for (var i = 0; i < ours.Length; i++)
            {
                var d = Math.Abs(ours[i] - theirs[i]);
                total += d;
                max = Math.Max(max, d);
            }

            report.Line("onnx_vs_node_256_mean_abs_diff", (total / (double)ours.Length).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
            report.Line("onnx_vs_node_256_max_abs_diff", max);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static List<string> Run(BenchOptions options, string input, int width, int height, int patch, int repeat, string? output)
    {
        var script = Path.Combine(options.NodeDir, "upscale.cjs");
        if (!Directory.Exists(Path.Combine(options.NodeDir, "node_modules")))
        {
            throw new InvalidOperationException($"Run npm ci in {options.NodeDir} first (or pass --skip-node).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = options.NodeDir, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var (key, value) in new[] { ("input", input), ("width", $"{width}"), ("height", $"{height}"), ("repeat", $"{repeat}") })
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }

        if (patch > 0)
        {
            // UpscalerJS's own tiling; padding is its overlap, in input pixels.
            start.ArgumentList.Add("--patch");
            start.ArgumentList.Add($"{patch}");
            start.ArgumentList.Add("--padding");
            start.ArgumentList.Add("8");
        }

        if (output is not null)
        {
            start.ArgumentList.Add("--output");
            start.ArgumentList.Add(output);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line) lines.Add(line);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} failed with exit code {process.ExitCode}.");
        return lines;
    }

    private static string? Text(List<string> lines, string key) =>
        lines.SelectMany(l => l.Split(' ')).FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];

    private static double? Value(List<string> lines, string key) => double.TryParse(Text(lines, key), out var v) ? v : null;
}
