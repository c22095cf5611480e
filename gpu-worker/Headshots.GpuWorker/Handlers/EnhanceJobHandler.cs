using System.Globalization;
using Headshots.Engines;
using Headshots.Engines.Looks;
using Headshots.Engines.Retouch;
using Headshots.Jobs.Looks;
using Headshots.Jobs.Protocol;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Retouches one selected headshot. Given the photo it was framed from as a second input (with its look and
/// variant) and <c>Render:Path=native</c>, it first renders the headshot again from that photo at the resolution its
/// frame really has (<see cref="IDeliveryRenderer"/>), so the retouch works on, and measures, the pixels delivered.
/// That render is also written unretouched ("{stem}-base.jpg"): refinements start from it, not from the 1024 px candidate.
/// </summary>
public sealed class EnhanceJobHandler(JobBlobs blobs, IFaceEnhancer enhancer, IOptions<RenderOptions> render, IPhotoNormaliser normaliser, PhotoLimits limits,
    IHeadshotComposer? composer = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Enhance;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        if (job.Inputs.Count is < 1 or > 2)
        {
            throw new InvalidJobException($"The enhance job {job.JobId} needs the headshot and optionally the photo it was framed from, got {job.Inputs.Count} inputs.");
        }

        var input = job.Inputs[0];
        var options = render.Value;
        CandidateSource? source = null;
        string? basePath = null;
        Candidate enhanced;
        if (job.Inputs.Count == 2 && options.IsNative && composer is IDeliveryRenderer renderer)
        {
            var parameters = JobData.Parameters(job, EnhanceJobParameters.Parse);
            if (parameters is not { Look: { } lookId, Variant: { } variant })
            {
                throw new InvalidJobException($"The enhance job {job.JobId} has the photo it was framed from but no look and variant to render it with.");
            }
            var look = LookCatalog.Find(lookId) ?? throw new InvalidJobException($"Unknown look '{lookId}'.");

            // The upload itself (or, from an orchestrator before it passed uploads, the working copy), with intake's checks.
            var photo = DecodePhoto(await blobs.ReadAsync(job.Inputs[1], cancellationToken), job.Inputs[1], options, cancellationToken);
            var rendered = renderer.RenderForDelivery(photo, look, variant, options.LanczosUpTo, cancellationToken);
            source = rendered.Source;
            // The unretouched render is written as the refinement base; the retouch takes its pixels and face mesh as
            // they are, not that file decoded again.
            basePath = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}-base.jpg", rendered.ToJpeg(), "image/jpeg", cancellationToken);
            enhanced = enhancer.Enhance(rendered.Image, rendered.Face, RetouchSettings.Natural, cancellationToken);
        }
        else
        {
            enhanced = enhancer.Enhance(await blobs.ReadAsync(input, cancellationToken), RetouchSettings.Natural, cancellationToken);
        }

        var output = await blobs.WriteAsync($"{job.OutputPrefix}{JobData.Stem(input)}.jpg", enhanced.Jpeg, "image/jpeg", cancellationToken);
        return new JobOutcome(new EnhanceResult(output, JobData.Measurements(enhanced.Measurements, enhanced.Width, enhanced.Height), JobData.Source(source), basePath), enhancer.GetType().Name);
    }

    Headshots.Engines.Imaging.RgbImage DecodePhoto(byte[] upload, string path, RenderOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return normaliser.DecodeForDelivery(upload, limits, options.PhotoLongEdge, cancellationToken);
        }
        catch (PhotoRejectedException e)
        {
            throw new InvalidJobException($"The photo {path} the headshot was framed from can no longer be read for delivery: {e.Message}");
        }
    }
}
