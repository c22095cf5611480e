using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// The only place the generative model is called from: an activity, with blob paths in and out. With the local engine
/// nothing is registered, and the activity answers "not configured" instead of failing to construct.
/// </summary>
public sealed class GenerativeEditActivity(IServiceProvider services) : TaskActivity<GenerativeEditInput, GenerativeEditOutput>
{
    public override Task<GenerativeEditOutput> RunAsync(TaskActivityContext context, GenerativeEditInput input) =>
        RunAsync(input, CancellationToken.None);

    public Task<GenerativeEditOutput> RunAsync(GenerativeEditInput input, CancellationToken cancellationToken) =>
        services.GetService<GenerativeEditRunner>() is { } runner
            ? runner.RunAsync(input, cancellationToken)
            : Task.FromResult(new GenerativeEditOutput(false, null, GenerativeEditFailure.NotConfigured,
                GenerativeEditMessages.For(GenerativeEditFailure.NotConfigured), 0, 0, ""));
}
