using Headshots.Pipeline.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// One edit end to end, inside an activity: read the blobs, call the model with bounded attempts (waiting out a
/// retry-after, backing off after timeouts and server errors), write the result, and record what it cost.
/// Person-facing failures come back as an output with a plain-words message; only storage faults throw, for the
/// orchestrator's activity retry to handle. Every call first reserves its expected cost against the studio's daily
/// budget (<see cref="DailySpend"/>) and is not made when the day's budget is spent.
/// </summary>
public sealed class GenerativeEditRunner(
    IGenerativeEditor editor,
    IEditArtifacts artifacts,
    ICostLedger ledger,
    DailySpend dailySpend,
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

        // Only a successful attempt is paid for, so one image's price covers every retry.
        var estimate = o.Prices.For(request.Quality ?? o.Quality, request.Size) + (o.PricePerInputImage * (references.Count + (image.Length > 0 ? 1 : 0)));
        if (await dailySpend.TryReserveAsync(estimate, cancellationToken) is not { } reservation)
        {
            return new GenerativeEditOutput(false, null, GenerativeEditFailure.DailyBudgetReached, GenerativeEditMessages.DailyBudgetReached, 0, 0, o.PromptVersion);
        }
        var output = await RunReservedAsync(input, request, o, cancellationToken);
        await dailySpend.SettleAsync(reservation, output.Cost, cancellationToken);
        return output;
    }

    async Task<GenerativeEditOutput> RunReservedAsync(GenerativeEditInput input, GenerativeEditRequest request, AzureOpenAIOptions o, CancellationToken cancellationToken)
    {
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
