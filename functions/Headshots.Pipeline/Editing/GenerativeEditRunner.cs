using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// One edit end to end, inside an activity: read the blobs, call the model with bounded attempts (waiting out a
/// retry-after, backing off after timeouts and server errors), write the result, and record what it cost.
/// Person-facing failures come back as an output with a plain-words message; only storage faults throw, for the
/// orchestrator's activity retry to handle.
/// </summary>
public sealed class GenerativeEditRunner(
    IGenerativeEditor editor,
    IEditArtifacts artifacts,
    ICostLedger ledger,
    IOptions<AzureOpenAIOptions> options,
    TimeProvider clock,
    ILogger<GenerativeEditRunner> logger)
{
    public async Task<GenerativeEditOutput> RunAsync(GenerativeEditInput input, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var image = await artifacts.ReadAsync(input.ImagePath, cancellationToken);
        var mask = input.MaskPath is null ? [] : await artifacts.ReadAsync(input.MaskPath, cancellationToken);
        var references = new List<byte[]>();
        foreach (var path in input.ReferencePaths) references.Add(await artifacts.ReadAsync(path, cancellationToken));
        var request = new GenerativeEditRequest(input.Kind, input.Description, image, mask, references, input.ShootId,
            input.Prompt, input.Size ?? ImageSizes.Square, input.Quality);

        GenerativeEditResult result;
        var attempt = 0;
        while (true)
        {
            attempt++;
            result = await editor.EditAsync(request, cancellationToken);
            if (result.Succeeded)
            {
                await artifacts.WriteAsync(input.OutputPath, result.Image!, "image/png", cancellationToken);
                await ledger.AddAsync(new CostEntry(input.ShootId, $"{input.OperationId}-{attempt:00}", "azure-openai",
                    input.Kind == GenerativeEditKind.Look && input.Prompt is not null ? "image-generate" : $"image-edit:{input.Kind}",
                    1, result.Cost, o.Currency, clock.GetUtcNow()), cancellationToken);
                logger.LogInformation("Generative {Kind} edit {OperationId} of shoot {ShootId} made in {Attempts} attempt(s), cost {Cost} {Currency}",
                    input.Kind, input.OperationId, input.ShootId, attempt, result.Cost, o.Currency);
                return new GenerativeEditOutput(true, input.OutputPath, GenerativeEditFailure.None, null, attempt, result.Cost, o.PromptVersion);
            }

            var wait = Wait(result, attempt, o);
            if (!result.Retryable || attempt >= o.MaxAttempts || wait is null)
            {
                break;
            }
            logger.LogWarning("Generative edit {OperationId} of shoot {ShootId}: {Failure} on attempt {Attempt} ({Detail}); retrying in {Wait}",
                input.OperationId, input.ShootId, result.Failure, attempt, result.Detail, wait);
            await Task.Delay(wait.Value, clock, cancellationToken);
        }

        logger.LogWarning("Generative edit {OperationId} of shoot {ShootId} not made: {Failure} after {Attempts} attempt(s) ({Detail})",
            input.OperationId, input.ShootId, result.Failure, attempt, result.Detail);
        return new GenerativeEditOutput(false, null, result.Failure, result.Message ?? GenerativeEditMessages.For(result.Failure), attempt, 0, o.PromptVersion);
    }

    /// <summary>How long to wait before the next attempt; null when the service asks for longer than we hold an activity.</summary>
    static TimeSpan? Wait(GenerativeEditResult result, int attempt, AzureOpenAIOptions o)
    {
        if (result.RetryAfter is { } asked)
        {
            return asked <= o.MaxRetryAfter ? asked : null;
        }
        return TimeSpan.FromTicks(o.RetryDelay.Ticks * (1L << Math.Min(attempt - 1, 10)));
    }
}
