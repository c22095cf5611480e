using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Headshots.Models.Diffusion;

namespace Headshots.Engines.Tests.Diffusion.Pipeline;

/// <summary>
/// The tiny SDXL-shaped models written once per test run into a temporary folder, in the layout the fetch writes,
/// loaded through the worker's checked path; a synthetic reference and a fixed keep mask to run them on.
/// </summary>
internal static class TinyDiffusion
{
    private static readonly Lazy<OnnxModels> Fp32 = new(() => Load(TinySdxlPrecision.Float32));
    private static readonly Lazy<OnnxModels> Fp16 = new(() => Load(TinySdxlPrecision.Float16));

    public static OnnxModels Models(TinySdxlPrecision precision) => precision == TinySdxlPrecision.Float16 ? Fp16.Value : Fp32.Value;

    public static SdxlInpaintingPipeline Pipeline(TinySdxlPrecision precision = TinySdxlPrecision.Float32) =>
        new(Models(precision), new CentredEllipseKeep());

    public static DiffusionRequest Request(
        int seed = 7, DiffusionSamplerKind sampler = DiffusionSamplerKind.EulerAncestral, int width = 64, int height = 64, int steps = 4, double strength = 0.5) =>
        new("studio headshot, navy blazer, soft grey backdrop", "blurry, distorted", seed, width, height, steps, strength, sampler);

    /// <summary>A temporary folder holding the tiny models of one precision; the caller deletes it.</summary>
    public static string WriteFolder(TinySdxlPrecision precision)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"headshots-tiny-sdxl-{precision}-{Guid.NewGuid():N}");
        TinySdxlModels.WriteTo(folder, precision);
        return folder;
    }

    /// <summary>A textured reference at exactly <paramref name="width"/> × <paramref name="height"/>, so the pipeline does not resample it.</summary>
    public static byte[] ReferencePng(int width = 64, int height = 64)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)(40 + (x * 150 / width));
                pixels[i + 1] = (byte)(60 + (y * 120 / height));
                pixels[i + 2] = (byte)(((x / 4) + (y / 4)) % 2 == 0 ? 90 : 170);
            }
        }

        return EditMaskCanvas.Png(new RgbImage(width, height, pixels));
    }

    private static OnnxModels Load(TinySdxlPrecision precision)
    {
        var folder = WriteFolder(precision);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return new OnnxModels(new OnnxSettings(folder, "cpu", IntraOpThreads: 1));
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A face-sized ellipse in the upper middle kept, feathered as the real mask is: no face models needed.</summary>
    internal sealed class CentredEllipseKeep : IKeepMaskSource
    {
        public KeepMask For(RgbImage image, CancellationToken cancellationToken) => KeepMask.Ellipse(image.Width, image.Height, 0.5, 0.4, 0.22, 0.28);
    }
}
