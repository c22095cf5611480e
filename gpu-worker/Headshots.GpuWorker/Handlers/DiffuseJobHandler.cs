using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Jobs.Protocol;
using ImageMagick;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// The <c>onnx-diffusion</c> engine as a job (<see cref="DiffuseJob"/>): one reference crop in, its face and hair kept
/// and everything else painted by SDXL inpainting from the prompt, one PNG out. Registered only where the diffusion
/// models are present or configured.
/// </summary>
public sealed class DiffuseJobHandler(JobBlobs blobs, SdxlInpaintingPipeline pipeline) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Diffuse;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        var (request, name) = Read(job);
        var reference = await blobs.ReadAsync(JobData.SingleInput(job), cancellationToken);
        DiffusionResult result;
        try
        {
            result = pipeline.Run(reference, request, cancellationToken);
        }
        catch (NoFaceToKeepException e)
        {
            throw new InvalidJobException($"The diffuse job {job.JobId}: {e.Message}");
        }
        catch (MagickException e)
        {
            throw new InvalidJobException($"The diffuse job {job.JobId}: the reference is not a readable image ({e.Message}).");
        }

        var output = await blobs.WriteAsync(DiffuseJob.OutputPath(job.OutputPrefix, name), result.Png, "image/png", cancellationToken);
        return new JobOutcome(new DiffuseResult(output, result.Timings.UNetSteps, JobData.Round(result.Timings.Total.TotalSeconds)),
            SdxlInpaintingPipeline.EngineName);
    }

    /// <summary>The job's parameters as a run of the pipeline, and the output's name.</summary>
    /// <exception cref="InvalidJobException">A parameter is missing, malformed or out of range; the message says which.</exception>
    public static (DiffusionRequest Request, string Name) Read(GpuJobMessage job)
    {
        DiffuseJobParameters parameters;
        try
        {
            parameters = DiffuseJobParameters.Parse(job.Parameters);
        }
        catch (FormatException e)
        {
            throw new InvalidJobException($"The diffuse job {job.JobId}: {e.Message}");
        }

        var sampler = parameters.Sampler == DiffuseJob.EulerAncestral ? DiffusionSamplerKind.EulerAncestral : DiffusionSamplerKind.DpmPlusPlus2MKarras;
        var request = new DiffusionRequest(parameters.Prompt, parameters.NegativePrompt, parameters.Seed, parameters.Width, parameters.Height,
            parameters.Steps, parameters.Strength, sampler, (float)(parameters.Guidance ?? DiffusionRequest.DefaultGuidanceScale));
        return request.Problem() is { } problem
            ? throw new InvalidJobException($"The diffuse job {job.JobId}: {problem}")
            : (request, parameters.Name);
    }
}
