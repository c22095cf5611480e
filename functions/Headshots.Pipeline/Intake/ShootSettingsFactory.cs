using Headshots.Jobs.Looks;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Intake;

/// <summary>Fixes a shoot's settings from configuration when it starts, so replays never see a changed value.</summary>
public sealed class ShootSettingsFactory(
    IOptions<PipelineOptions> pipeline,
    IOptions<GpuJobOptions> jobs,
    IOptions<GenerationOptions> generation,
    IOptions<EditingOptions> editing,
    IOptions<AzureOpenAIOptions> azureOpenAi,
    IOptions<EmailRetryOptions> emailRetry)
{
    public const int MaxPhotosUsed = 15;

    public ShootInput Create(string shootId, ShootOrder order) => new(
        shootId,
        order.Email,
        order.Name,
        order.Looks.Select(id => new LookChoice(id, LookCatalog.Find(id)!.Aspect.Name)).ToList(),
        Settings());

    /// <summary>The settings a shoot or a refinement runs with, as configured now.</summary>
    public ShootSettings Settings() => new(
        pipeline.Value.MinAcceptedPhotos,
        MaxPhotosUsed,
        pipeline.Value.VariantsPerLook,
        pipeline.Value.KeepPerLook,
        jobs.Value.AttemptTimeout,
        jobs.Value.MaxAttempts,
        pipeline.Value.IdentityThreshold,
        pipeline.Value.DeliverWebP,
        Generation(),
        new EmailRetrySettings(emailRetry.Value.FirstWait, emailRetry.Value.Growth, emailRetry.Value.MaxWait, emailRetry.Value.GiveUpAfter));

    GenerationSettings Generation()
    {
        var g = generation.Value;
        var o = azureOpenAi.Value;
        // What a call is expected to cost: the output at the shoot's quality plus the reference photos sent with it.
        // The studio's own GPU is paid by the second, not per call: nothing is counted against the budget there.
        var cloud = g.Engine == GenerationOptions.AzureOpenAi;
        var inputs = o.PricePerInputImage * g.ReferencePhotos;
        return new GenerationSettings(g.Engine, g.CandidatesPerLook, g.ReferencePhotos, g.Quality, g.MaxConcurrentCalls, g.MaxCostPerShoot,
            cloud ? o.Prices.For(g.Quality, ImageSizes.Square) + inputs : 0, cloud ? o.Prices.For(g.Quality, ImageSizes.Portrait) + inputs : 0, o.Currency,
            MakeReferences: editing.Value.GenerativeEditsAvailable,
            Diffusion: g.Engine == GenerationOptions.OnnxDiffusion ? Diffusion(g) : null);
    }

    static DiffusionSettings Diffusion(GenerationOptions g)
    {
        var portrait = GenerationOptions.ParseSize(g.DiffusionPortraitSize)!.Value;
        var square = GenerationOptions.ParseSize(g.DiffusionSquareSize)!.Value;
        return new DiffusionSettings(g.DiffusionSteps, g.DiffusionStrength, g.DiffusionSampler, portrait.Width, portrait.Height, square.Width, square.Height);
    }
}
