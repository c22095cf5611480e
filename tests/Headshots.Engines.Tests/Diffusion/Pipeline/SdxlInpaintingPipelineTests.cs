using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Headshots.Engines.Tests.Support;
using Headshots.Models.Diffusion;

namespace Headshots.Engines.Tests.Diffusion.Pipeline;

/// <summary>The whole pipeline on CPU over the tiny SDXL-shaped models: reference in, PNG out.</summary>
public sealed class SdxlInpaintingPipelineTests
{
    [Fact]
    public void Run_TinyModels_WritesAPngOfTheRequestedSize()
    {
        var result = TinyDiffusion.Pipeline().Run(TinyDiffusion.ReferencePng(64, 64), TinyDiffusion.Request(width: 48, height: 80), CancellationToken.None);

        var image = Pixels.Of(result.Png);
        Assert.Equal((48, 80), (image.Width, image.Height));
        Assert.Equal((48, 80), (result.Width, result.Height));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], result.Png[..4]);
        Assert.Equal("CPUExecutionProvider", result.Provider);
    }

    [Theory]
    [InlineData(4, 0.5, 6)]
    [InlineData(4, 0.0, 4)]
    [InlineData(5, 0.3, 6)]
    [InlineData(3, 1.0, 6)]
    public void Run_Strength_RunsTheInpaintingStepsThenFloorOfStepsTimesStrength(int steps, double strength, int expectedUNetSteps)
    {
        var result = TinyDiffusion.Pipeline().Run(TinyDiffusion.ReferencePng(), TinyDiffusion.Request(steps: steps, strength: strength), CancellationToken.None);

        Assert.Equal(expectedUNetSteps, result.Timings.UNetSteps);
        Assert.True(result.Timings.Denoising <= result.Timings.Total);
    }

    [Theory]
    [InlineData(DiffusionSamplerKind.EulerAncestral)]
    [InlineData(DiffusionSamplerKind.DpmPlusPlus2MKarras)]
    public void Run_KeepMask_KeptPixelsAreTheSourceExactlyAndPaintedPixelsChange(DiffusionSamplerKind sampler)
    {
        var reference = TinyDiffusion.ReferencePng();
        var source = Pixels.Of(reference);
        var keep = new TinyDiffusion.CentredEllipseKeep().For(RgbImage.Decode(reference, 64), CancellationToken.None);

        var output = Pixels.Of(TinyDiffusion.Pipeline().Run(reference, TinyDiffusion.Request(sampler: sampler), CancellationToken.None).Png);

        int kept = 0, keptSame = 0, painted = 0, paintedChanged = 0;
        for (var i = 0; i < keep.Keep.Length; i++)
        {
            var same = output.Rgb[i * 3] == source.Rgb[i * 3] && output.Rgb[(i * 3) + 1] == source.Rgb[(i * 3) + 1] && output.Rgb[(i * 3) + 2] == source.Rgb[(i * 3) + 2];
            if (keep.Keep[i] >= 1)
            {
                kept++;
                if (same) keptSame++;
            }
            else if (keep.Keep[i] <= 0)
            {
                painted++;
                if (!same) paintedChanged++;
            }
        }

        Assert.True(kept > 200, $"the mask keeps only {kept} pixels");
        Assert.Equal(kept, keptSame);
        // The model paints every pixel outside the mask; an unchanged one is a coincidence of all three bytes.
        Assert.True(paintedChanged >= 0.95 * painted, $"{paintedChanged} of {painted} painted pixels changed");
    }

    [Theory]
    [InlineData(DiffusionSamplerKind.EulerAncestral)]
    [InlineData(DiffusionSamplerKind.DpmPlusPlus2MKarras)]
    public void Run_SameSeedTwice_IdenticalBytes(DiffusionSamplerKind sampler)
    {
        var pipeline = TinyDiffusion.Pipeline();
        var reference = TinyDiffusion.ReferencePng();

        var first = pipeline.Run(reference, TinyDiffusion.Request(seed: 42, sampler: sampler), CancellationToken.None);
        var second = pipeline.Run(reference, TinyDiffusion.Request(seed: 42, sampler: sampler), CancellationToken.None);

        Assert.Equal(first.Png, second.Png);
    }

    [Theory]
    [InlineData(DiffusionSamplerKind.EulerAncestral)]
    [InlineData(DiffusionSamplerKind.DpmPlusPlus2MKarras)]
    public void Run_OtherSeed_DifferentPaintedPixels(DiffusionSamplerKind sampler)
    {
        var pipeline = TinyDiffusion.Pipeline();
        var reference = TinyDiffusion.ReferencePng();

        var first = Pixels.Of(pipeline.Run(reference, TinyDiffusion.Request(seed: 1, sampler: sampler), CancellationToken.None).Png);
        var second = Pixels.Of(pipeline.Run(reference, TinyDiffusion.Request(seed: 2, sampler: sampler), CancellationToken.None).Png);

        var differing = Enumerable.Range(0, first.Rgb.Length).Count(i => first.Rgb[i] != second.Rgb[i]);
        Assert.True(differing > first.Rgb.Length / 4, $"only {differing} of {first.Rgb.Length} bytes differ between seeds");
    }

    [Fact]
    public void Run_PromptChanged_DifferentImage()
    {
        var pipeline = TinyDiffusion.Pipeline();
        var reference = TinyDiffusion.ReferencePng();

        var first = pipeline.Run(reference, TinyDiffusion.Request(), CancellationToken.None);
        var second = pipeline.Run(reference, TinyDiffusion.Request() with { Prompt = "outdoor portrait, autumn park, trench coat" }, CancellationToken.None);

        Assert.NotEqual(first.Png, second.Png);
    }

    [Fact]
    public void Run_Float16Models_AgreeWithFloat32WithinHalfPrecision()
    {
        var reference = TinyDiffusion.ReferencePng();
        // DPM++ 2M is deterministic after its start, so the two runs differ only by fp16 rounding at the model edges.
        var request = TinyDiffusion.Request(sampler: DiffusionSamplerKind.DpmPlusPlus2MKarras);

        var full = Pixels.Of(TinyDiffusion.Pipeline(TinySdxlPrecision.Float32).Run(reference, request, CancellationToken.None).Png);
        var half = Pixels.Of(TinyDiffusion.Pipeline(TinySdxlPrecision.Float16).Run(reference, request, CancellationToken.None).Png);

        var differences = Enumerable.Range(0, full.Rgb.Length).Select(i => Math.Abs(full.Rgb[i] - half.Rgb[i])).ToList();
        // fp16 keeps 11 significant bits (relative error ≤ 2⁻¹¹ ≈ 0.05 %): through a few steps that is about one of 255
        // levels on average. Guidance at 7 multiplies the difference of the two predictions, rounding included, so a
        // few pixels may move more, but not by a sixteenth of the range; a wrong conversion (bits read as float, a
        // dropped input) is off by far more.
        Assert.True(differences.Average() <= 1, $"mean difference {differences.Average():0.00} levels");
        Assert.True(differences.Max() <= 16, $"largest difference {differences.Max()} levels");
    }

    [Fact]
    public void Run_TamperedModelFile_RefusesToLoadIt()
    {
        var folder = TinyDiffusion.WriteFolder(TinySdxlPrecision.Float32);
        try
        {
            var unet = Path.Combine(folder, SdxlComponents.ModelId(SdxlComponents.UNet) + ".onnx");
            var bytes = File.ReadAllBytes(unet);
            bytes[^1] ^= 0x01;
            File.WriteAllBytes(unet, bytes);
            using var models = new OnnxModels(new OnnxSettings(folder, "cpu", IntraOpThreads: 1));
            var pipeline = new SdxlInpaintingPipeline(models, new TinyDiffusion.CentredEllipseKeep());

            var error = Assert.Throws<ModelMissingException>(() => pipeline.Run(TinyDiffusion.ReferencePng(), TinyDiffusion.Request(), CancellationToken.None));

            Assert.Contains("SHA-256", error.Message);
        }
        finally
        {
            TinyDiffusion.TryDelete(folder);
        }
    }

    [Fact]
    public void Run_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TinyDiffusion.Pipeline().Run(TinyDiffusion.ReferencePng(), TinyDiffusion.Request(), cancelled.Token));
    }

    [Fact]
    public void Run_SizeNotAMultipleOfEight_ThrowsBeforeAnyWork()
    {
        var error = Assert.Throws<ArgumentException>(() => TinyDiffusion.Pipeline().Run([], TinyDiffusion.Request(width: 60), CancellationToken.None));

        Assert.Contains("multiples of 8", error.Message);
    }
}
