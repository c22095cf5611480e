using System.Globalization;
using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Models.Diffusion;

namespace Headshots.Bench.Diffusion;

/// <summary>The command line: size, steps, repeats, sampler, precision, provider.</summary>
internal sealed record BenchOptions(int Size, int Steps, double Strength, int Repeat, DiffusionSamplerKind Sampler, TinySdxlPrecision Precision, string Provider, int Threads)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(128, 20, 0.3, 5, DiffusionSamplerKind.EulerAncestral, TinySdxlPrecision.Float32, "cpu", 0);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--size" => options with { Size = Int(value) },
                "--steps" => options with { Steps = Int(value) },
                "--strength" => options with { Strength = double.Parse(value, CultureInfo.InvariantCulture) },
                "--repeat" => options with { Repeat = Int(value) },
                "--sampler" => options with { Sampler = value == "dpmpp-2m-karras" ? DiffusionSamplerKind.DpmPlusPlus2MKarras : DiffusionSamplerKind.EulerAncestral },
                "--precision" => options with { Precision = value == "fp16" ? TinySdxlPrecision.Float16 : TinySdxlPrecision.Float32 },
                "--provider" => options with { Provider = value },
                "--threads" => options with { Threads = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; see bench/README.md."),
            };
            i++;
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
