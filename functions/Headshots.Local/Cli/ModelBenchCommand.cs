using System.Diagnostics;
using System.Globalization;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Headshots.Engines.Segmentation;
using Headshots.Local.Stack;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>bench models</c>: each model's inference latency (median and 90th percentile, after warm-up, at two threads
/// as on this 2-core reference machine), and the engines built on them as a stage uses them.
/// </summary>
public static class ModelBenchCommand
{
    const int Runs = 30;

    public static int Run(RepositoryPaths paths)
    {
        using var models = new OnnxModels(new OnnxSettings(paths.Models, "cpu", IntraOpThreads: Math.Min(2, Environment.ProcessorCount)));
        foreach (var id in new[] { ModelIds.BlazeFaceFront, ModelIds.BlazeFaceBack, ModelIds.FaceMesh, ModelIds.Selfie, ModelIds.FaceEmbedding })
        {
            var session = models.Session(id);
            var input = session.InputMetadata.Single();
            var shape = input.Value.Dimensions.Select(d => d < 0 ? 1 : d).ToArray();
            var random = new Random(1);
            var tensor = new DenseTensor<float>(shape);
            for (var i = 0; i < tensor.Length; i++) tensor.SetValue(i, (float)random.NextDouble());
            var feed = new[] { NamedOnnxValue.CreateFromTensor(input.Key, tensor) };
            var times = Time(() => { using var _ = session.Run(feed); });
            Report($"model.{id}", times, $"input [{string.Join('x', shape)}] on {models.ProviderOf(id)}");
        }

        var portrait = RgbImage.Decode(File.ReadAllBytes(Path.Combine(paths.Samples, "astronaut.png")), 4096);
        var photo12Mp = portrait.Resized(3000, 4000);
        var analyser = FaceAnalyser.On(models);
        var encoded = EncodeJpeg(photo12Mp);
        Report("engine.face_analysis_12mp_photo", Time(() => analyser.Analyse(encoded), runs: 10), "decode 12 MP JPEG, detect, mesh, embed");

        var photo16Mp = portrait.Resized(3580, 4475);
        var segmenter = new SelfieSegmenter(models);
        Report("engine.person_mask_16mp", Time(() => segmenter.Segment(photo16Mp), runs: 5), "model + guided upsampling to 3580x4475");
        Console.WriteLine($"bench.process.peak_working_set_mb={(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)}");
        return 0;
    }

    static byte[] EncodeJpeg(RgbImage image)
    {
        using var magick = image.ToMagick();
        magick.Quality = 90;
        return magick.ToByteArray(ImageMagick.MagickFormat.Jpeg);
    }

    static List<double> Time(Action action, int runs = Runs)
    {
        for (var i = 0; i < 3; i++) action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    static void Report(string name, List<double> sorted, string what)
    {
        var median = sorted[sorted.Count / 2];
        var p90 = sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.9) - 1)];
        Console.WriteLine($"bench.{name}.median_ms={median.ToString("0.0", CultureInfo.InvariantCulture)} p90_ms={p90.ToString("0.0", CultureInfo.InvariantCulture)}  # {what}");
    }
}
