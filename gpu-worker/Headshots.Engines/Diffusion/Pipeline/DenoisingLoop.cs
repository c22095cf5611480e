using System.Diagnostics;
using Headshots.Engines.Diffusion.Conditioning;
using Headshots.Engines.Diffusion.Inpainting;
using Headshots.Engines.Diffusion.Schedulers;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// One pass of the sampler with the inpainting UNet: per step, scale the latents for σ, assemble the 9-channel
/// input for a guided batch of two, run the UNet, combine the two predictions, step. Buffers and the constant inputs
/// are made once per pass, so a step allocates only what ONNX Runtime's API needs per call.
/// </summary>
internal static class DenoisingLoop
{
    private static readonly string[] InputNames = ["sample", "timestep", "encoder_hidden_states", "text_embeds", "time_ids"];
    private static readonly string[] OutputNames = ["out_sample"];

    /// <summary>
    /// Runs every step of <paramref name="sampler"/> over <paramref name="latents"/> in place, adding each step's time
    /// to <paramref name="stepTimes"/>.
    /// </summary>
    /// <returns>The managed bytes the steps themselves allocated (the pass's buffers, made once, not counted).</returns>
    public static long Run(SdxlSessions sessions, IDiffusionSampler sampler, float[] latents, DenoisingInputs inputs, List<TimeSpan> stepTimes, CancellationToken cancellationToken)
    {
        var unet = sessions.UNet;
        var plane = inputs.LatentWidth * inputs.LatentHeight;
        var scaled = new float[latents.Length];
        var sample = new float[2 * InpaintingUNetInput.Channels * plane];
        var batchOutput = new float[2 * latents.Length];
        var guided = new float[latents.Length];
        long[] sampleShape = [2, InpaintingUNetInput.Channels, inputs.LatentHeight, inputs.LatentWidth];
        Float16[]? halfSample = null;

        using var hidden = OrtFeed.Floats(unet, "encoder_hidden_states", inputs.Prompt.Hidden, inputs.Prompt.HiddenShape);
        using var pooled = OrtFeed.Floats(unet, "text_embeds", inputs.Prompt.Pooled, inputs.Prompt.PooledShape);
        using var timeIds = OrtFeed.Floats(unet, "time_ids", inputs.TimeIds, [2, SdxlTimeIds.Count]);
        using var runOptions = new RunOptions();
        var schedule = sampler.Schedule;
        long allocated = 0;
        for (var step = 0; step < schedule.StepCount; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var before = GC.GetAllocatedBytesForCurrentThread();
            SigmaSpace.ScaleModelInput(latents, schedule.Sigmas[step], scaled);
            InpaintingUNetInput.Assemble(scaled, inputs.LatentMask, inputs.MaskedImageLatents, 2, sample);
            using (var sampleValue = OrtFeed.Floats(unet, "sample", sample, sampleShape, ref halfSample))
            using (var timestep = OrtFeed.Timesteps(unet, "timestep", schedule.Timesteps[step], 2))
            using (var results = unet.Run(runOptions, InputNames, [sampleValue, timestep, hidden, pooled, timeIds], OutputNames))
            {
                OrtFeed.CopyFloats(results[0], "out_sample", batchOutput);
            }

            ClassifierFreeGuidance.CombineBatch(batchOutput, inputs.GuidanceScale, guided);
            sampler.Step(step, guided, latents);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            stepTimes.Add(clock.Elapsed);
        }

        return allocated;
    }
}
