using System.Diagnostics;
using Headshots.Engines.Diffusion.Conditioning;
using Headshots.Engines.Diffusion.Inpainting;
using Headshots.Engines.Diffusion.Schedulers;
using Headshots.Engines.Diffusion.Vae;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// The two passes of one run over one frame, sharing its sessions, text conditioning and size ids, and adding up
/// where the denoising time and allocations went.
/// </summary>
/// <remarks>
/// Noise: pass 1 draws from seed 2·s (stream 0 the starting latents, streams 1… Euler ancestral's per-step noise),
/// pass 2 from 2·s + 1, so the passes never share a draw and no two seeds share either.
/// </remarks>
internal sealed class DiffusionPasses
{
    private readonly SdxlSessions sessions;
    private readonly DiffusionRequest request;
    private readonly PromptEmbeddings prompt;
    private readonly float[] timeIds;
    private readonly SamplingSchedule schedule;
    private readonly int latentWidth;
    private readonly int latentHeight;
    private readonly CancellationToken cancellationToken;
    private readonly List<TimeSpan> stepTimes = [];
    private TimeSpan denoising;
    private long allocated;

    public DiffusionPasses(SdxlSessions sessions, DiffusionRequest request, CancellationToken cancellationToken)
    {
        this.sessions = sessions;
        this.request = request;
        this.cancellationToken = cancellationToken;
        prompt = SdxlPromptEncoder.Encode(sessions, request.Prompt, request.NegativePrompt, cancellationToken);
        var size = SdxlTimeIds.Uncropped(request.Height, request.Width);
        timeIds = SdxlTimeIds.Batch(size, size);
        schedule = FullSchedule(request);
        (latentWidth, latentHeight) = (request.Width / VaeScaling.DownscaleFactor, request.Height / VaeScaling.DownscaleFactor);
    }

    public IReadOnlyList<TimeSpan> StepTimes => stepTimes;

    public TimeSpan Denoising => denoising;

    public long AllocatedBytes => allocated;

    /// <summary>The pass's seed: two per request seed, as the remarks say.</summary>
    private static ulong NoiseSeed(int seed, int pass) => (2UL * unchecked((uint)seed)) + (ulong)pass;

    /// <summary>
    /// Pass 1, inpainting from pure noise: the model sees the source with the painted region blanked and paints it;
    /// the source goes back over the result through the keep mask.
    /// </summary>
    public RgbImage Inpaint(RgbImage source, KeepMask keep)
    {
        var paint = keep.ToPaintMask();
        var sourcePlanes = ImagePlanes.ToVae(source);
        var maskedPlanes = new float[sourcePlanes.Length];
        InpaintingMask.MaskImage(sourcePlanes, paint, maskedPlanes);
        var latentMask = new float[latentWidth * latentHeight];
        InpaintingMask.Downsample(paint, request.Height, request.Width, VaeScaling.DownscaleFactor, latentMask);
        var inputs = Inputs(latentMask, SdxlVae.Encode(sessions, maskedPlanes, request.Width, request.Height));

        var noise = new GaussianNoise(NoiseSeed(request.Seed, pass: 0));
        var latents = new float[SdxlVae.LatentLength(request.Width, request.Height)];
        noise.Fill(0, latents);
        foreach (ref var value in latents.AsSpan()) value *= (float)schedule.InitNoiseSigma;
        Denoise(Sampler(schedule, noise), latents, inputs);
        return Decoded(source, latents, keep);
    }

    /// <summary>
    /// Pass 2, harmonising: the inpainting UNet as image-to-image (mask all 1, masked image all grey) for the last
    /// ⌊steps × strength⌋ steps, from the composite noised to that σ; then the kept pixels go back on top. None at
    /// strength 0 or where the product rounds down to no step.
    /// </summary>
    public RgbImage Harmonise(RgbImage source, RgbImage composite, KeepMask keep)
    {
        if ((int)(request.Steps * request.Strength) == 0) return composite;

        var partial = schedule.ForStrength(request.Strength);
        var inputs = Inputs(
            Enumerable.Repeat(1f, latentWidth * latentHeight).ToArray(),
            SdxlVae.Encode(sessions, new float[3 * request.Width * request.Height], request.Width, request.Height));
        var noise = new GaussianNoise(NoiseSeed(request.Seed, pass: 1));
        var start = new float[SdxlVae.LatentLength(request.Width, request.Height)];
        noise.Fill(0, start);
        var latents = new float[start.Length];
        SigmaSpace.AddNoise(SdxlVae.Encode(sessions, ImagePlanes.ToVae(composite), request.Width, request.Height), start, partial.Sigmas[0], latents);
        Denoise(Sampler(partial, noise), latents, inputs);
        return Decoded(source, latents, keep);
    }

    private DenoisingInputs Inputs(float[] latentMask, float[] maskedImageLatents) =>
        new(latentMask, maskedImageLatents, prompt, timeIds, latentWidth, latentHeight, request.GuidanceScale);

    private void Denoise(IDiffusionSampler sampler, float[] latents, DenoisingInputs inputs)
    {
        var clock = Stopwatch.StartNew();
        allocated += DenoisingLoop.Run(sessions, sampler, latents, inputs, stepTimes, cancellationToken);
        denoising += clock.Elapsed;
    }

    private RgbImage Decoded(RgbImage source, float[] latents, KeepMask keep) =>
        KeepComposite.Over(source, ImagePlanes.FromVae(SdxlVae.Decode(sessions, latents, request.Width, request.Height), request.Width, request.Height), keep);

    private IDiffusionSampler Sampler(SamplingSchedule passSchedule, GaussianNoise noise) => request.Sampler switch
    {
        DiffusionSamplerKind.EulerAncestral => new EulerAncestralSampler(passSchedule, noise),
        DiffusionSamplerKind.DpmPlusPlus2MKarras => new DpmSolverPlusPlus2MSampler(passSchedule),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Sampler, "Unknown sampler."),
    };

    private static SamplingSchedule FullSchedule(DiffusionRequest request) => request.Sampler switch
    {
        // Leading spacing: SDXL's shipped scheduler config, so what its published samples used.
        DiffusionSamplerKind.EulerAncestral => SamplingSchedule.Spaced(NoiseSchedule.StableDiffusionXl, request.Steps, TimestepSpacing.Leading),
        DiffusionSamplerKind.DpmPlusPlus2MKarras => SamplingSchedule.Karras(NoiseSchedule.StableDiffusionXl, request.Steps),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Sampler, "Unknown sampler."),
    };
}
