using System.Diagnostics;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// The <c>onnx-diffusion</c> engine: from one reference crop, keep the person's face and hair, let the SDXL
/// inpainting model paint everything else from the prompt, then run a low-strength image-to-image pass over the whole
/// frame so light and surroundings agree, and paste the kept pixels back through the feathered mask. Seeded: the same
/// request on the same device gives the same bytes (<see cref="DiffusionPasses"/> says how the seed is used).
/// </summary>
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
        var passes = new DiffusionPasses(sessions, request, cancellationToken);
        var result = passes.Harmonise(source, passes.Inpaint(source, keep), keep);

        var png = PngWriter.Encode(result);
        var timings = new DiffusionTimings(total.Elapsed, passes.Denoising, passes.StepTimes, passes.AllocatedBytes);
        logger.LogInformation(
            "Diffused {Width}×{Height} with {Sampler} in {Steps} UNet steps on {Provider}: {Seconds:0.00} s ({StepMs:0.0} ms a step)",
            width, height, request.Sampler, timings.UNetSteps, sessions.UNetProvider, total.Elapsed.TotalSeconds,
            timings.UNetSteps == 0 ? 0 : passes.Denoising.TotalMilliseconds / timings.UNetSteps);
        return new DiffusionResult(png, width, height, sessions.UNetProvider, timings);
    }
}
