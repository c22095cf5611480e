using System.Reflection;
using Headshots.Engines.Intake;
using Headshots.GpuWorker.Processing;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Options;

namespace Headshots.Infra.Tests;

/// <summary>
/// The configuration contract read from the code itself: every property of every options class an app binds is
/// either set by the Bicep for that app or left to its default on purpose (listed here with the reason), and every
/// setting the Bicep passes that no options class reads is reserved for a named, not yet built, capability.
/// </summary>
public sealed class CodeOptionsContractTests
{
    static readonly (string Section, Type Options)[] FunctionAppReads =
    [
        (StorageOptions.Section, typeof(StorageOptions)),
        (PipelineOptions.Section, typeof(PipelineOptions)),
        (GpuJobOptions.Section, typeof(GpuJobOptions)),
        (SmtpOptions.Section, typeof(SmtpOptions)),
        (EditingOptions.Section, typeof(EditingOptions)),
        (AzureOpenAIOptions.Section, typeof(AzureOpenAIOptions)),
        // The generate stage's engine seam (issue 13): the Bicep sets Engine and MaxCostPerShoot.
        (GenerationOptions.Section, typeof(GenerationOptions)),
        // How the person's email is retried through a mail outage (issue 17).
        (EmailRetryOptions.Section, typeof(EmailRetryOptions)),
        // The abuse limits (issue 17): the Bicep sets every figure but the window, and the access code from Key Vault.
        (LimitsOptions.Section, typeof(LimitsOptions)),
        (StudioOptions.Section, typeof(StudioOptions)),
        // One retention for everything a shoot holds (issue 17): the Bicep sets RetentionDays from retentionDays.
        (PrivacyOptions.Section, typeof(PrivacyOptions)),
    ];

    static readonly (string Section, Type Options)[] WorkerReads =
    [
        (StorageOptions.Section, typeof(StorageOptions)),
        (WorkerOptions.Section, typeof(WorkerOptions)),
        (IntakeThresholds.Section, typeof(IntakeThresholds)),
    ];

    /// <summary>Read by the code, deliberately not set in Azure.</summary>
    static readonly Dictionary<string, string> LeftToDefaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage__ConnectionString"] = "the local emulator only; Azure connects with the managed identity",
        ["Pipeline__MaxUploads"] = "product default (30 files per shoot)",
        ["Pipeline__DefaultLooks"] = "product default; an order normally names its looks",
        ["Pipeline__UploadSasLifetime"] = "product default (one hour)",
        ["Pipeline__StatusTokenDays"] = "product default (a week: the status page is for while the shoot runs)",
        ["Smtp__FromName"] = "product default display name",
        ["Worker__PollInterval"] = "idle back-off ceiling; KEDA starts the worker only when jobs wait",
        ["Worker__Engines"] = "'models'; 'classical' runs without models and 'noop' exists only for the local benchmark",
        ["Worker__ModelsPath"] = "the image's own models folder beside the program, where the Dockerfile prepares them",
        ["Worker__DiffusionModelsPath"] = "'diffusion' under the models folder; the diffuse job exists only where its SDXL models are",
        ["Worker__IntraOpThreads"] = "one inference thread per core of the replica",
        ["Pipeline__IdentityThreshold"] = "dlib's published same-person distance, 0.6",
        ["Pipeline__TrainingsPerOrder"] = "product default (two: the first shoot and one reshoot with new photos)",
        ["Pipeline__DeliverWebP"] = "off (JPEG only); a studio that wants WebP too turns it on in the app settings",
        ["Worker__WorkerId"] = "defaults to the replica's host name, which must differ per replica",
        ["Worker__PreloadModels"] = "the container image sets it (Dockerfile ENV); in-process the models load on first use",
        ["Worker__HealthLoopbackOnly"] = "tests only; the container's probes reach it on every interface",
        ["AzureOpenAI__ApiVersion"] = "the data-plane version the editor is tested against",
        ["AzureOpenAI__Prices"] = "gpt-image-1's list prices per image by quality and size; a studio sets its agreement's prices (AzureOpenAI__Prices__Medium__Portrait, …)",
        ["AzureOpenAI__PricePerInputImage"] = "an estimate of what each reference photo adds; the service's bill is the truth",
        ["AzureOpenAI__HighInputFidelity"] = "on: gpt-image-1 keeps faces closer with input_fidelity=high, and a refusing deployment is asked again without it",
        ["AzureOpenAI__Currency"] = "the price list's currency (USD)",
        ["AzureOpenAI__Quality"] = "high, the refinements' quality",
        ["AzureOpenAI__Timeout"] = "product default (three minutes per call)",
        ["AzureOpenAI__MaxAttempts"] = "product default (four calls per edit)",
        ["AzureOpenAI__MaxRetryAfter"] = "product default (two minutes)",
        ["AzureOpenAI__RetryDelay"] = "product default (two seconds, doubling)",
        ["AzureOpenAI__PromptVersion"] = "the newest prompt templates in the repository",
        ["Generation__CandidatesPerLook"] = "product default (five model calls per look)",
        ["Generation__ReferencePhotos"] = "product default (the person's four best-ranked photos per request)",
        ["Generation__Quality"] = "medium, which AzureOpenAI's prices must match; a studio changes both in the app settings",
        ["Generation__DiffusionSteps"] = "product default (30 steps of the inpainting pass)",
        ["Generation__DiffusionStrength"] = "product default (0.3: a light harmonising pass)",
        ["Generation__DiffusionSampler"] = "product default (DPM++ 2M Karras)",
        ["Generation__DiffusionPortraitSize"] = "SDXL's 2:3 bucket, 832x1216",
        ["Generation__DiffusionSquareSize"] = "SDXL's square, 1024x1024",
        ["Generation__MaxConcurrentCalls"] = "product default (four calls in flight per shoot); the deployment's rate limit is per minute",
        ["EmailRetry__FirstWait"] = "product default (a minute after the first failed try)",
        ["EmailRetry__Growth"] = "product default (each wait twice the last)",
        ["EmailRetry__MaxWait"] = "product default (at most an hour between tries)",
        ["Limits__Window"] = "a minute: the Bicep's limitsRequestsPerMinute counts in it",
        ["Privacy__PurgeInterval"] = "the local runtime's timer; in Azure the RetentionTimer function runs hourly",
        ["EmailRetry__GiveUpAfter"] = "product default (tries for a day, then \"email not sent\"); the gallery never waits for it",
    }
    .Concat(typeof(IntakeThresholds).GetProperties().Select(p => KeyValuePair.Create(
        $"{IntakeThresholds.Section}__{p.Name}", "the photo judge's defaults; a studio tunes them in the app settings if it must")))
    .ToDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Passed by the Bicep for capabilities whose code is not built yet; each names its issue.</summary>
    static readonly Dictionary<string, string> ReservedForLaterIssues = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set for the platform or the SDKs, not for an options class.</summary>
    static readonly HashSet<string> PlatformSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
    };

    static IEnumerable<string> Keys((string Section, Type Options)[] reads) =>
        reads.SelectMany(r => r.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => $"{r.Section}__{p.Name}"));

    [Fact]
    public void FunctionApp_EveryOptionTheCodeBinds_IsSetOrDeliberatelyDefaulted()
    {
        var set = new HashSet<string>(ConfigurationContractTests.FunctionAppSettingKeys(), StringComparer.OrdinalIgnoreCase);

        var unaccounted = Keys(FunctionAppReads).Where(k => !set.Contains(k) && !LeftToDefaults.ContainsKey(k)).ToList();

        Assert.Empty(unaccounted);
    }

    [Fact]
    public void GpuWorker_EveryOptionTheCodeBinds_IsSetOrDeliberatelyDefaulted()
    {
        var set = new HashSet<string>(ConfigurationContractTests.WorkerSettingKeys(), StringComparer.OrdinalIgnoreCase);

        var unaccounted = Keys(WorkerReads).Where(k => !set.Contains(k) && !LeftToDefaults.ContainsKey(k)).ToList();

        Assert.Empty(unaccounted);
    }

    [Fact]
    public void BicepSettings_NoneIsUnreadExceptReservedOnes()
    {
        var read = new HashSet<string>(Keys(FunctionAppReads).Concat(Keys(WorkerReads)), StringComparer.OrdinalIgnoreCase);
        var passed = ConfigurationContractTests.FunctionAppSettingKeys().Concat(ConfigurationContractTests.WorkerSettingKeys())
            .Distinct(StringComparer.OrdinalIgnoreCase);

        var unread = passed.Where(k => !read.Contains(k) && !PlatformSettings.Contains(k)).Order().ToList();

        Assert.Equal(ReservedForLaterIssues.Keys.Order(StringComparer.OrdinalIgnoreCase), unread, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void LeftToDefaults_NamesOnlyOptionsThatExist()
    {
        var read = new HashSet<string>(Keys(FunctionAppReads).Concat(Keys(WorkerReads)), StringComparer.OrdinalIgnoreCase);

        Assert.All(LeftToDefaults.Keys, k => Assert.Contains(k, read));
    }
}
