using System.Diagnostics;
using Headshots.Engines.Diffusion.Conditioning;
using Headshots.Engines.Diffusion.Inpainting;
using Headshots.Engines.Diffusion.Schedulers;
using Headshots.Engines.Diffusion.Vae;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// The <c>onnx-diffusion</c> engine: from one reference crop, keep the person's face and hair, let the SDXL
/// inpainting model paint everything else from the prompt, then run a low-strength image-to-image pass over the whole
/// frame so light and surroundings agree, and paste the kept pixels back through the feathered mask. Seeded: the same
/// request on the same device gives the same bytes.
/// </summary>
/// <remarks>
/// Noise: pass 1 draws from seed 2·s (stream 0 the starting latents, streams 1… Euler ancestral's per-step noise),
/// pass 2 from 2·s + 1, so the passes never share a draw and no two seeds share either.
/// </remarks>
public sealed class SdxlInpaintingPipeline(OnnxModels models, IKeepMaskSource keepMasks, ILogger<SdxlInpaintingPipeline>? logger = null)
{
    public const string EngineName = "onnx-diffusion";

    private readonly ILogger<SdxlInpaintingPipeline> logger = logger ?? NullLogger<SdxlInpaintingPipeline>.Instance;

    /// <exception cref="ArgumentException">The request is not runnable (<see cref="DiffusionRequest.Problem"/>).</exception>
    /// <exception cref="NoFaceToKeepException">The reference has no face to keep.</exception>
    public DiffusionResult Run(byte[] reference, DiffusionRequest request, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem) throw new ArgumentException(problem, nameof(request));
        var total = Stopwatch.StartNew();
        var (width, height) = (request.Width, request.Height);
        var source = ImagePlanes.Cover(RgbImage.Decode(reference, 2 * Math.Max(width, height)), width, height);
        var keep = keepMasks.For(source, cancellationToken);
        if (keep.Width != width || keep.Height != height)
        {
            throw new InvalidOperationException($"The keep mask is {keep.Width}×{keep.Height}, the frame {width}×{height}.");
        }

        var sessions = new SdxlSessions(models);
        var prompt = SdxlPromptEncoder.Encode(sessions, request.Prompt, request.NegativePrompt, cancellationToken);
        var size = SdxlTimeIds.Uncropped(height, width);
        var timeIds = SdxlTimeIds.Batch(size, size);
        var (latentWidth, latentHeight) = (width / VaeScaling.DownscaleFactor, height / VaeScaling.DownscaleFactor);
        var stepTimes = new List<TimeSpan>();
        var denoising = TimeSpan.Zero;
        long allocated = 0;

        // Pass 1, inpainting from pure noise: the model sees the source with the painted region blanked.
        var paint = keep.ToPaintMask();
        var sourcePlanes = ImagePlanes.ToVae(source);
        var maskedPlanes = new float[sourcePlanes.Length];
        InpaintingMask.MaskImage(sourcePlanes, paint, maskedPlanes);
        var latentMask = new float[latentWidth * latentHeight];
        InpaintingMask.Downsample(paint, height, width, VaeScaling.DownscaleFactor, latentMask);
        var inpaint = new DenoisingInputs(latentMask, SdxlVae.Encode(sessions, maskedPlanes, width, height), prompt, timeIds, latentWidth, latentHeight, request.GuidanceScale);
        var schedule = FullSchedule(request);
        var noise = new GaussianNoise(NoiseSeed(request.Seed, pass: 0));
        var latents = new float[SdxlVae.LatentLength(width, height)];
        noise.Fill(0, latents);
        foreach (ref var value in latents.AsSpan()) value *= (float)schedule.InitNoiseSigma;
        Denoise(sessions, Sampler(request.Sampler, schedule, noise), latents, inpaint);
        var result = KeepComposite.Over(source, ImagePlanes.FromVae(SdxlVae.Decode(sessions, latents, width, height), width, height), keep);

        // Pass 2, harmonising: the inpainting UNet as image-to-image (mask all 1, masked image all grey), a few steps
        // from the composite noised to the strength's σ; then the kept pixels go back on top.
        var harmonising = (int)(request.Steps * request.Strength);
        if (harmonising > 0)
        {
            var partial = schedule.ForStrength(request.Strength);
            var wholeFrame = new DenoisingInputs(
                Enumerable.Repeat(1f, latentWidth * latentHeight).ToArray(),
                SdxlVae.Encode(sessions, new float[sourcePlanes.Length], width, height),
                prompt, timeIds, latentWidth, latentHeight, request.GuidanceScale);
            var noise2 = new GaussianNoise(NoiseSeed(request.Seed, pass: 1));
            var start = new float[latents.Length];
            noise2.Fill(0, start);
            var clean = SdxlVae.Encode(sessions, ImagePlanes.ToVae(result), width, height);
            SigmaSpace.AddNoise(clean, start, partial.Sigmas[0], latents);
            Denoise(sessions, Sampler(request.Sampler, partial, noise2), latents, wholeFrame);
            result = KeepComposite.Over(source, ImagePlanes.FromVae(SdxlVae.Decode(sessions, latents, width, height), width, height), keep);
        }

        var png = PngWriter.Encode(result);
        var timings = new DiffusionTimings(total.Elapsed, denoising, stepTimes, allocated);
        logger.LogInformation(
            "Diffused {Width}×{Height} with {Sampler} in {Steps} UNet steps on {Provider}: {Seconds:0.00} s ({StepMs:0.0} ms a step)",
            width, height, request.Sampler, timings.UNetSteps, sessions.UNetProvider, total.Elapsed.TotalSeconds,
            timings.UNetSteps == 0 ? 0 : denoising.TotalMilliseconds / timings.UNetSteps);
        return new DiffusionResult(png, width, height, sessions.UNetProvider, timings);

        void Denoise(SdxlSessions on, IDiffusionSampler sampler, float[] x, DenoisingInputs inputs)
        {
            var clock = Stopwatch.StartNew();
            allocated += DenoisingLoop.Run(on, sampler, x, inputs, stepTimes, cancellationToken);
            denoising += clock.Elapsed;
        }
    }

    /// <summary>The pass's seed: two per request seed, as the remarks say.</summary>
    internal static ulong NoiseSeed(int seed, int pass) => (2UL * unchecked((uint)seed)) + (ulong)pass;

    private static SamplingSchedule FullSchedule(DiffusionRequest request) => request.Sampler switch
    {
        // Leading spacing: SDXL's shipped scheduler config, so what its published samples used.
        DiffusionSamplerKind.EulerAncestral => SamplingSchedule.Spaced(NoiseSchedule.StableDiffusionXl, request.Steps, TimestepSpacing.Leading),
        DiffusionSamplerKind.DpmPlusPlus2MKarras => SamplingSchedule.Karras(NoiseSchedule.StableDiffusionXl, request.Steps),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Sampler, "Unknown sampler."),
    };

    private static IDiffusionSampler Sampler(DiffusionSamplerKind kind, SamplingSchedule schedule, GaussianNoise noise) => kind switch
    {
        DiffusionSamplerKind.EulerAncestral => new EulerAncestralSampler(schedule, noise),
        DiffusionSamplerKind.DpmPlusPlus2MKarras => new DpmSolverPlusPlus2MSampler(schedule),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sampler."),
    };
}
