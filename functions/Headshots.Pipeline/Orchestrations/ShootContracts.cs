namespace Headshots.Pipeline.Orchestrations;

/// <summary>Everything a shoot needs, fixed when it starts so replays are deterministic.</summary>
public sealed record ShootInput(string ShootId, string Email, string? Name, IReadOnlyList<LookChoice> Looks, ShootSettings Settings);

public sealed record LookChoice(string Id, string Aspect);

/// <param name="DeliverWebP">Render every delivered image as WebP too (<c>Pipeline:DeliverWebP</c>); false for shoots started before it existed.</param>
/// <param name="Generation">How candidates are made; null (shoots started before the seam) is the reframe engine.</param>
/// <param name="EmailRetry">How the email is retried through a mail outage; null (shoots started before) is <see cref="EmailRetrySettings.Default"/>.</param>
public sealed record ShootSettings(
    int MinAcceptedPhotos,
    int MaxPhotosUsed,
    int VariantsPerLook,
    int KeepPerLook,
    TimeSpan JobAttemptTimeout,
    int JobMaxAttempts,
    double IdentityThreshold = 0.6,
    bool DeliverWebP = false,
    GenerationSettings? Generation = null,
    EmailRetrySettings? EmailRetry = null);

/// <summary>The generate stage's engine and limits, fixed when the shoot starts (<c>Generation:*</c>, prices from <c>AzureOpenAI:*</c>).</summary>
/// <param name="CallEstimateSquare">What one square generation is expected to cost (output at the quality plus the reference photos): reserved against the budget before the call.</param>
/// <param name="MakeReferences">Crop the ranked photos as references even with the reframe engine, for the cloud refinements.</param>
public sealed record GenerationSettings(
    string Engine,
    int CandidatesPerLook,
    int ReferencePhotos,
    string Quality,
    int MaxConcurrentCalls,
    decimal MaxCost,
    decimal CallEstimateSquare,
    decimal CallEstimatePortrait,
    string Currency,
    bool MakeReferences,
    DiffusionSettings? Diffusion = null);

/// <summary>The onnx-diffusion engine's sampling, fixed when the shoot starts (<c>Generation:Diffusion*</c>).</summary>
public sealed record DiffusionSettings(int Steps, double Strength, string Sampler, int PortraitWidth, int PortraitHeight, int SquareWidth, int SquareHeight);

/// <summary>The orchestration's custom status: what a person watching the shoot sees.</summary>
public sealed record ShootProgress(string Stage, int Done, int Total, string? Message = null);

public sealed record ShootOutcome(string ShootId, string Status, int Delivered, string? GalleryUrl, string? Error);

public static class ShootStages
{
    public const string Queued = "queued";
    public const string Inspect = "inspect";
    public const string Identity = "identity";
    public const string Generate = "generate";
    public const string Select = "select";
    public const string Enhance = "enhance";
    public const string Upscale = "upscale";
    public const string Publish = "publish";
    public const string Notify = "notify";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static IReadOnlyList<string> Pipeline { get; } = [Inspect, Identity, Generate, Select, Enhance, Upscale, Publish, Notify];
}

public static class ShootStatuses
{
    public const string AwaitingUpload = "AwaitingUpload";
    public const string Running = "Running";
    public const string Delivered = "Delivered";
    public const string Failed = "Failed";
    /// <summary>The person deleted the shoot's data; only a tombstone row is left.</summary>
    public const string Deleted = "Deleted";
}
