using System.Text.Json.Serialization;

namespace Headshots.Pipeline.Editing;

/// <summary>What a generative edit changes; each has its own versioned prompt template and mask region.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GenerativeEditKind>))]
public enum GenerativeEditKind
{
    Hair,
    Expression,
    Clothing,
    /// <summary>A whole new look described in words (the scene refine before prompt scene.v1; kept for replays).</summary>
    Look,
    /// <summary>Only the setting behind the person changes.</summary>
    Scene,
}

/// <summary>Why a generative edit was not made. Each kind carries its own plain-words message for the person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GenerativeEditFailure>))]
public enum GenerativeEditFailure
{
    None,
    /// <summary>429 with a retry-after: the deployment's rate limit; waiting and retrying helps.</summary>
    Throttled,
    /// <summary>The service's content filter refused the prompt or the image; retrying the same request does not help.</summary>
    ContentFiltered,
    /// <summary>The subscription's quota is used up; only the studio's owner can fix it.</summary>
    QuotaExceeded,
    /// <summary>No answer within AzureOpenAI:Timeout; retrying may help.</summary>
    TimedOut,
    /// <summary>5xx, a dropped connection or an unreadable answer; retrying may help.</summary>
    ServerError,
    /// <summary>The request itself is wrong (mask size, empty image, a 400 that is not the content filter).</summary>
    Invalid,
    /// <summary>The studio's identity may not call the model (401/403, no token): a deployment problem.</summary>
    NotAuthorized,
    /// <summary>Editing:Engine is local: there is no generative model to call.</summary>
    NotConfigured,
    /// <summary>Limits:DailyGenerationBudget is spent for today (UTC): no cloud call is made until the next day.</summary>
    DailyBudgetReached,
}

/// <summary>One edit of one image by the generative model.</summary>
/// <param name="Image">The photo, PNG.</param>
/// <param name="Mask">PNG of the same size as <paramref name="Image"/>, transparent where the model may change pixels
/// (the OpenAI convention); empty to let the model change the whole image.</param>
/// <param name="References">More photos of the person (PNG or JPEG), best first, that help the model keep their likeness.</param>
/// <param name="Prompt">The whole prompt, already rendered (generation of a look); null to render the kind's template around <paramref name="Description"/>.</param>
/// <param name="Size">The output size (<see cref="ImageSizes"/>).</param>
/// <param name="Quality">low, medium or high; null for AzureOpenAI:Quality.</param>
/// <param name="InputFidelity">Ask the model to match the input faces closely (input_fidelity=high) where the studio allows it.</param>
public sealed record GenerativeEditRequest(
    GenerativeEditKind Kind,
    string Description,
    byte[] Image,
    byte[] Mask,
    IReadOnlyList<byte[]> References,
    string ShootId,
    string? Prompt = null,
    string Size = ImageSizes.Square,
    string? Quality = null,
    bool InputFidelity = true);

/// <summary>An edited image and what it cost, or why there is none.</summary>
/// <param name="RetryAfter">For <see cref="GenerativeEditFailure.Throttled"/>: how long the service asked us to wait.</param>
public sealed record GenerativeEditResult(
    byte[]? Image,
    decimal Cost,
    GenerativeEditFailure Failure,
    string? Message,
    TimeSpan? RetryAfter = null,
    string? Detail = null)
{
    public bool Succeeded => Failure == GenerativeEditFailure.None && Image is not null;

    /// <summary>Whether the same request may succeed later.</summary>
    public bool Retryable => Failure is GenerativeEditFailure.Throttled or GenerativeEditFailure.TimedOut or GenerativeEditFailure.ServerError;

    public static GenerativeEditResult Success(byte[] image, decimal cost) => new(image, cost, GenerativeEditFailure.None, null);

    /// <param name="detail">What the service said, for the logs; never shown to the person.</param>
    public static GenerativeEditResult Failed(GenerativeEditFailure failure, string? detail = null, TimeSpan? retryAfter = null) =>
        new(null, 0, failure, GenerativeEditMessages.For(failure), retryAfter, detail);
}

public interface IGenerativeEditor
{
    /// <summary>Makes one edit; never throws for what the service answers (only for cancellation by the caller).</summary>
    Task<GenerativeEditResult> EditAsync(GenerativeEditRequest request, CancellationToken cancellationToken);
}

/// <summary>The activity's input: blob paths only, so orchestration history never carries pixels.</summary>
/// <param name="OperationId">Unique per edit (e.g. the refine id plus the orchestrator's attempt); names the cost rows.</param>
/// <param name="ImagePath">container/name of the PNG to edit.</param>
/// <param name="MaskPath">container/name of the mask PNG (same size); null for a whole-image edit.</param>
/// <param name="OutputPath">container/name the edited PNG is written to.</param>
/// <param name="Prompt">The rendered prompt of a generated look; null to render the kind's template.</param>
/// <param name="Size">The output size; null for a square.</param>
/// <param name="Quality">low, medium or high; null for AzureOpenAI:Quality.</param>
public sealed record GenerativeEditInput(
    string ShootId,
    string OperationId,
    GenerativeEditKind Kind,
    string Description,
    string ImagePath,
    string? MaskPath,
    IReadOnlyList<string> ReferencePaths,
    string OutputPath,
    string? Prompt = null,
    string? Size = null,
    string? Quality = null);

/// <summary>The activity's outcome. Person-facing failures come back here, not as exceptions.</summary>
/// <param name="Message">For a failure: what to tell the person, in plain words.</param>
public sealed record GenerativeEditOutput(
    bool Succeeded,
    string? OutputPath,
    GenerativeEditFailure Failure,
    string? Message,
    int Attempts,
    decimal Cost,
    string PromptVersion);
