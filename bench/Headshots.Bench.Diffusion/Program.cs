using System.Globalization;
using Headshots.Bench.Diffusion;
using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Headshots.Models.Diffusion;

// The diffusion pipeline on the tiny SDXL-shaped models: per-step and per-image time, allocations per step, and the
// bare UNet call for comparison. Tiny models make the UNet nearly free, so what is left is the pipeline's own cost.
var options = BenchOptions.Parse(args);
var folder = Path.Combine(Path.GetTempPath(), $"headshots-bench-diffusion-{Guid.NewGuid():N}");
try
{
    TinySdxlModels.WriteTo(folder, options.Precision);
    var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
    using var models = new OnnxModels(new OnnxSettings(folder, options.Provider, threads));
    var pipeline = new SdxlInpaintingPipeline(models, new CentredKeep());
    var reference = Reference(options.Size);
    var request = new DiffusionRequest(
        "studio headshot, navy blazer, soft grey backdrop", "blurry", 1, options.Size, options.Size, options.Steps, options.Strength, options.Sampler);

    // The first run loads five sessions and JITs the loop: reported apart.
    var first = pipeline.Run(reference, request, CancellationToken.None);
    var runs = Enumerable.Range(0, options.Repeat).Select(i => pipeline.Run(reference, request with { Seed = 2 + i }, CancellationToken.None)).ToList();

    var steps = runs.SelectMany(r => r.Timings.StepTimes).Select(t => t.TotalMilliseconds).Order().ToList();
    var images = runs.Select(r => r.Timings.Total.TotalMilliseconds).Order().ToList();
    var bare = BareUNet.MillisecondsPerCall(models.Session(SdxlComponents.ModelId(SdxlComponents.UNet)), options.Size / 8, Math.Max(20, steps.Count));
    var prefix = $"bench.diffusion.tiny_{options.Provider}_{options.Precision.ToString().ToLowerInvariant()}_{options.Size}";
    Console.WriteLine($"# {options.Size}x{options.Size}, {options.Steps} steps + strength {F(options.Strength)}, {options.Sampler}, {threads} threads, "
        + $"provider {first.Provider}, {Environment.ProcessorCount} cores, load {Load()}");
    Console.WriteLine($"{prefix}.first_image_ms={F(first.Timings.Total.TotalMilliseconds)}");
    Console.WriteLine($"{prefix}.image_ms_median={F(Median(images))}");
    Console.WriteLine($"{prefix}.unet_steps_per_image={first.Timings.UNetSteps}");
    Console.WriteLine($"{prefix}.step_ms_median={F(Median(steps))}");
    Console.WriteLine($"{prefix}.step_ms_p90={F(steps[(int)(0.9 * (steps.Count - 1))])}");
    Console.WriteLine($"{prefix}.bare_unet_call_ms={F(bare)}");
    Console.WriteLine($"{prefix}.loop_overhead_ms_per_step={F(Median(steps) - bare)}");
    Console.WriteLine($"{prefix}.allocated_bytes_per_step={F(runs.Average(r => r.Timings.AllocatedBytesPerStep))}");
    Console.WriteLine($"{prefix}.outside_loop_ms_median={F(Median(runs.Select(r => (r.Timings.Total - r.Timings.Denoising).TotalMilliseconds).Order().ToList()))}");
    return 0;
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}

static double Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static byte[] Reference(int size)
{
    var pixels = new byte[size * size * 3];
    for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)((i * 37) % 251);
    using var image = new RgbImage(size, size, pixels).ToMagick();
    image.Format = ImageMagick.MagickFormat.Png24;
    return image.ToByteArray();
}

/// <summary>A face-sized ellipse kept: the bench measures the pipeline, not the face models.</summary>
internal sealed class CentredKeep : IKeepMaskSource
{
    public KeepMask For(RgbImage image, CancellationToken cancellationToken) => KeepMask.Ellipse(image.Width, image.Height, 0.5, 0.4, 0.22, 0.28);
}
