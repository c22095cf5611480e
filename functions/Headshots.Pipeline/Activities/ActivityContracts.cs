namespace Headshots.Pipeline.Activities;

/// <summary>A stage transition written to the shoots table.</summary>
public sealed record StageRecord(
    string ShootId,
    string Stage,
    int Done,
    int Total,
    string Status,
    string? Error = null,
    int? PhotosUploaded = null,
    int? PhotosAccepted = null,
    int? Delivered = null,
    string? GalleryUrl = null,
    IReadOnlyDictionary<string, double>? GpuSecondsByStage = null,
    EmailRecord? Email = null);

/// <summary>Where the person's email stands (<see cref="Orchestrations.EmailStates"/>), written with a stage record.</summary>
/// <param name="Tries">Tries made so far.</param>
/// <param name="NextTryAt">When the next try is scheduled, while pending after a failed one.</param>
/// <param name="LastError">What the mail server (or its absence) answered the last try.</param>
public sealed record EmailRecord(string State, int Tries, DateTimeOffset? NextTryAt = null, string? LastError = null);

/// <param name="Reasons">Every reason code, most fundamental first (<see cref="Code"/> is the first).</param>
/// <param name="FaceWidth">The main face's width as a fraction of the photo's.</param>
/// <param name="IdentityDistance">Distance of the face to the shoot's consensus identity (below 0.6: the same person).</param>
public sealed record PhotoVerdict(
    string Name,
    bool Accepted,
    string? Code,
    string? Reason,
    string? Tip,
    string? NormalisedPath,
    int Width,
    int Height,
    string? Format,
    double Sharpness,
    double MeanLuma,
    IReadOnlyList<string>? Reasons = null,
    int? Faces = null,
    double? FaceWidth = null,
    double? FaceSharpness = null,
    double? FaceLuma = null,
    double? Yaw = null,
    double? IdentityDistance = null);

public sealed record PhotoVerdictBatch(string ShootId, IReadOnlyList<PhotoVerdict> Verdicts);

/// <summary>A generated candidate and the measurements selection scores it by.</summary>
/// <param name="IdentityDistance">Distance of the candidate's face to the person's reference identity; null without face models.</param>
/// <param name="EyeLine">Height of the eyes as a fraction of the image height (a third is the classic headshot); null without face models.</param>
/// <param name="FaceWidth">Width of the face as a fraction of the image width; null without face models.</param>
/// <param name="Engine">What made it (<see cref="CandidateEngines"/>).</param>
/// <param name="SourcePath">The upload a reframed candidate was framed from (its working copy for shoots started before), which the retouch renders it again from for delivery at the upload's own resolution; null for generated ones.</param>
/// <param name="SourcePixels">The photo's pixels inside a reframed candidate's frame (at the photo's full resolution); null when not reported.</param>
public sealed record CandidateRef(string Look, string Aspect, int Variant, string Path, double Sharpness, double ClippedHighlights, double CrushedShadows, double MeanLuma,
    double? IdentityDistance = null, double? EyeLine = null, double? FaceWidth = null, string Engine = CandidateEngines.Reframe,
    string? SourcePath = null, double? SourcePixels = null)
{
    /// <summary>Unique within a shoot, and part of job ids: a reframed candidate keeps the key it always had.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => CandidateEngines.IsGenerated(Engine) ? $"{Look}-g{Variant:00}" : $"{Look}-{Variant:00}";
}

/// <summary>The engines a candidate can come from, as candidates, the gallery and the API name them.</summary>
public static class CandidateEngines
{
    public const string Reframe = "reframe";
    public const string AzureOpenAi = "azure-openai";
    public const string OnnxDiffusion = "onnx-diffusion";

    public static bool IsGenerated(string? engine) => engine is not null && engine != Reframe;

    /// <summary>What the person reads under an image.</summary>
    public static string Describe(string? engine) => IsGenerated(engine) ? "Generated" : "Reframed from your photo";
}

/// <param name="IdentityThreshold">Candidates farther than this from the person are never delivered.</param>
public sealed record SelectionRequest(IReadOnlyList<CandidateRef> Candidates, int KeepPerLook, double IdentityThreshold = 0.6);

/// <summary>The identity stage's result: the profile blob and the source photos, best first.</summary>
public sealed record IdentityProfile(string ProfilePath, IReadOnlyList<string> RankedSources);

/// <param name="BasePath">The candidate before retouching, kept so a refinement can start from it.</param>
public sealed record SelectedHeadshot(CandidateRef Candidate, double Score, string? BasePath = null);

/// <param name="FullWebP">The 16 MP WebP (work container) when the shoot delivers WebP; <paramref name="WebWebP"/> its web copy.</param>
/// <param name="SourceMegapixels">The real resolution behind the image before it was enlarged to the delivered size: the photo's pixels in its frame, or fewer where it was rendered smaller; null when the worker did not report it.</param>
public sealed record DeliveredRef(string Look, string Aspect, string Full, string Web, string Thumbnail, int Width, int Height, long Bytes, double Score,
    double? IdentityDistance = null, string? BasePath = null, string? FullWebP = null, string? WebWebP = null, string Engine = CandidateEngines.Reframe,
    double? SourceMegapixels = null);

/// <param name="Stage">The transition into the publish stage, recorded before publishing.</param>
/// <param name="ProfilePath">The identity profile refinements are checked against.</param>
/// <param name="Generation">What the generate stage did, for the gallery, the email and the API; null for the reframe engine.</param>
public sealed record PublishRequest(string ShootId, string? Name, IReadOnlyList<DeliveredRef> Images, StageRecord? Stage = null, string? ProfilePath = null,
    GenerationSummary? Generation = null);

/// <summary>What the generate stage did with a generative engine, counted as it went.</summary>
/// <param name="Planned">Candidates the shoot set out to generate (looks × candidates per look).</param>
/// <param name="Calls">Model calls made, regenerations included.</param>
/// <param name="Passed">Generated candidates that look like the person (within the identity threshold).</param>
/// <param name="Regenerated">Candidates made again once with a stronger likeness instruction after drifting.</param>
/// <param name="Drifted">Candidates dropped because they still did not look like the person.</param>
/// <param name="Failed">Candidates the model did not make (refused, throttled, timed out, failed), with <paramref name="FailureMessage"/> the first reason.</param>
/// <param name="SkippedForBudget">Candidates not generated because the shoot's budget was reached.</param>
/// <param name="LooksToppedUp">Looks where reframed candidates were added because too few generated ones passed.</param>
/// <param name="SkippedForDailyBudget">Candidates not generated because the studio's daily budget (Limits:DailyGenerationBudget) was spent.</param>
public sealed record GenerationSummary(
    string Engine,
    int Planned,
    int Calls,
    int Passed,
    int Regenerated,
    int Drifted,
    int Failed,
    int SkippedForBudget,
    decimal Cost,
    decimal Budget,
    string Currency,
    IReadOnlyList<string> LooksToppedUp,
    string? FailureMessage = null,
    int SkippedForDailyBudget = 0);

public sealed record PublishedGallery(string Token, string Url, int Images);

public static class NotificationKinds
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <param name="Before">Recorded before the email is sent; <paramref name="After"/> once it is.</param>
/// <param name="Try">Which try this is (1 = the first), recorded with the email's state once it is sent.</param>
public sealed record Notification(string ShootId, string Email, string? Name, string Kind, string? GalleryUrl, string? Error, int Images = 0,
    StageRecord? Before = null, StageRecord? After = null, int Try = 1);
