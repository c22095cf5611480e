using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>Which engine makes the shoot's candidates, and what cloud generation may spend (section "Generation").</summary>
public sealed class GenerationOptions : IValidatableObject
{
    public const string Section = "Generation";

    /// <summary>The person's own photo, framed, cut out and composited onto the look's backdrop (local, no model call).</summary>
    public const string Reframe = "reframe";

    /// <summary>New images of the person from their ranked photos through an Azure OpenAI image model (images edits).</summary>
    public const string AzureOpenAi = "azure-openai";

    /// <summary>SDXL inpainting on the GPU worker; not built yet, refused at start.</summary>
    public const string OnnxDiffusion = "onnx-diffusion";

    public const string OnnxDiffusionNotBuilt =
        "Generation:Engine 'onnx-diffusion' (SDXL inpainting on the GPU worker) is not available in this version. " +
        "Use 'reframe' (the local default) or 'azure-openai' (with AzureOpenAI:Endpoint and AzureOpenAI:Deployment).";

    /// <summary>reframe (the default: nothing leaves the machine or subscription), azure-openai, or onnx-diffusion.</summary>
    [RegularExpression("^(reframe|azure-openai|onnx-diffusion)$", ErrorMessage = "Generation:Engine must be 'reframe', 'azure-openai' or 'onnx-diffusion'.")]
    public string Engine { get; set; } = Reframe;

    /// <summary>The most a shoot's cloud generation may cost, in AzureOpenAI:Currency; once reached no more candidates are generated.</summary>
    [Range(0, 1000)]
    public decimal MaxCostPerShoot { get; set; } = 3m;

    /// <summary>
    /// Generated candidates per look (each one model call). A generative engine needs fewer than the reframe engine's
    /// Pipeline:VariantsPerLook because each candidate differs in what people see; at least Pipeline:KeepPerLook.
    /// </summary>
    [Range(1, 24)]
    public int CandidatesPerLook { get; set; } = 5;

    /// <summary>The person's best-ranked photos sent with each request as aligned head-and-shoulders crops (the images edits operation takes up to 16).</summary>
    [Range(1, 16)]
    public int ReferencePhotos { get; set; } = 4;

    /// <summary>The quality generated images are rendered at (low, medium, high); AzureOpenAI:Prices must match the deployment's agreement.</summary>
    [RegularExpression("^(low|medium|high)$", ErrorMessage = "Generation:Quality must be low, medium or high.")]
    public string Quality { get; set; } = "medium";

    /// <summary>Model calls a shoot keeps in flight at once; more wait their turn (the deployment's rate limit is per minute).</summary>
    [Range(1, 32)]
    public int MaxConcurrentCalls { get; set; } = 4;

    public bool IsGenerative => Engine != Reframe;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Engine == OnnxDiffusion)
        {
            yield return new ValidationResult(OnnxDiffusionNotBuilt, [nameof(Engine)]);
        }
    }
}
