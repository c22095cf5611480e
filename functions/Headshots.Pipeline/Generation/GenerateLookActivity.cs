using Headshots.Jobs.Looks;
using Headshots.Pipeline.Editing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Pipeline.Generation;

/// <summary>
/// Makes one generated candidate with the cloud image model: the look's prompt from its versioned parts, the person's
/// reference crops as the images (best first), the portrait or square size, through the same runner as the cloud
/// refinements (bounded retries, cost rows). Person-facing failures come back in the output, never as exceptions.
/// </summary>
public sealed class GenerateLookActivity(IServiceProvider services, LookPrompts prompts) : TaskActivity<LookGenerationInput, GenerativeEditOutput>
{
    public override Task<GenerativeEditOutput> RunAsync(TaskActivityContext context, LookGenerationInput input) => RunAsync(input, CancellationToken.None);

    public async Task<GenerativeEditOutput> RunAsync(LookGenerationInput input, CancellationToken cancellationToken)
    {
        if (services.GetService<GenerativeEditRunner>() is not { } runner)
        {
            return new GenerativeEditOutput(false, null, GenerativeEditFailure.NotConfigured, GenerativeEditMessages.For(GenerativeEditFailure.NotConfigured), 0, 0, "");
        }
        var look = LookCatalog.Find(input.LookId);
        if (look is null || input.ReferencePaths.Count == 0)
        {
            return new GenerativeEditOutput(false, null, GenerativeEditFailure.Invalid,
                look is null ? $"the look '{input.LookId}' does not exist." : "there are no reference photos to generate from.", 0, 0, "");
        }
        var prompt = prompts.For(look.Id, input.Variant, strongIdentity: input.Attempt > 1);
        var output = await runner.RunAsync(new GenerativeEditInput(
            input.ShootId, $"{input.Candidate}-{input.Attempt}", GenerativeEditKind.Look, look.Name, input.ReferencePaths[0], null,
            input.ReferencePaths.Skip(1).ToList(), input.OutputPath, prompt.Text, LookPrompts.SizeFor(look), input.Quality), cancellationToken);
        return output with { PromptVersion = prompt.Version };
    }
}
