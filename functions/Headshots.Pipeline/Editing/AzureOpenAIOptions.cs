using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// The Azure OpenAI image deployment the cloud editing engine calls (section "AzureOpenAI"; the Bicep passes
/// AzureOpenAI__Endpoint and AzureOpenAI__Deployment). There is no key: calls carry an Entra ID token.
/// </summary>
public sealed class AzureOpenAIOptions : IValidatableObject
{
    public const string Section = "AzureOpenAI";

    /// <summary>The account endpoint, e.g. https://NAME.openai.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The image-model deployment's name.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>The data-plane API version; image edits with gpt-image-1 need 2025-04-01-preview or later.</summary>
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$", ErrorMessage = "AzureOpenAI:ApiVersion must look like 2025-04-01-preview.")]
    public string ApiVersion { get; set; } = "2025-04-01-preview";

    /// <summary>
    /// What one output image costs by quality and size, in <see cref="Currency"/>, added to the shoot's cost ledger.
    /// Defaults: gpt-image-1's list prices per image; set your agreement's (AzureOpenAI__Prices__Medium__Portrait, …).
    /// </summary>
    public ImagePriceList Prices { get; set; } = new();

    /// <summary>
    /// An estimate of what each input image adds (its image tokens at the input price; with input_fidelity=high the
    /// model reads more of it). 0.015 ≈ 1,500 image tokens at 10 per million; the service's bill is the truth.
    /// </summary>
    [Range(0, 10)]
    public decimal PricePerInputImage { get; set; } = 0.015m;

    /// <summary>
    /// Send input_fidelity=high with edits and generations that carry the person's photos (gpt-image-1 and later keep
    /// faces closer with it). A deployment that refuses the field is asked again without it.
    /// </summary>
    public bool HighInputFidelity { get; set; } = true;

    public string Currency { get; set; } = "USD";

    /// <summary>The quality refinements are rendered at (low, medium, high); shoots use Generation:Quality.</summary>
    [RegularExpression("^(low|medium|high)$", ErrorMessage = "AzureOpenAI:Quality must be low, medium or high.")]
    public string Quality { get; set; } = "high";

    /// <summary>The longest wait for one call; image edits usually take 20–60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Calls per edit, first included, when the service is busy, slow or failing.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest retry-after we honour; a longer one ends the edit as throttled instead of holding the activity.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first back-off after a timeout or server error; it doubles each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The prompt templates' version (Editing/Prompts/{kind}.{version}.txt).</summary>
    [RegularExpression("^v[0-9]+$", ErrorMessage = "AzureOpenAI:PromptVersion must look like v1.")]
    public string PromptVersion { get; set; } = "v1";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            yield return new ValidationResult("AzureOpenAI:Endpoint must be the account's endpoint (https://NAME.openai.azure.com/) when Editing:Engine or Generation:Engine is azure-openai.", [nameof(Endpoint)]);
        }
        // Plain HTTP would send the bearer token in the clear; only a loopback test server may use it.
        else if (Endpoint.Scheme != Uri.UriSchemeHttps && !Endpoint.IsLoopback)
        {
            yield return new ValidationResult("AzureOpenAI:Endpoint must use https.", [nameof(Endpoint)]);
        }
        if (string.IsNullOrWhiteSpace(Deployment))
        {
            yield return new ValidationResult("AzureOpenAI:Deployment must name the image-model deployment when Editing:Engine or Generation:Engine is azure-openai.", [nameof(Deployment)]);
        }
    }
}
