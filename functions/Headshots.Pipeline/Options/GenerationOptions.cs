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

    /// <summary>SDXL inpainting on the GPU worker, keeping the person's face and hair from one of their photos.</summary>
    public const string OnnxDiffusion = "onnx-diffusion";

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

    /// <summary>onnx-diffusion: sampling steps of the inpainting pass.</summary>
    [Range(1, 150)]
    public int DiffusionSteps { get; set; } = 30;

    /// <summary>onnx-diffusion: the harmonising image-to-image pass over the whole frame (0 skips it).</summary>
    [Range(0.0, 1.0)]
    public double DiffusionStrength { get; set; } = 0.3;

    [RegularExpression("^(euler-a|dpmpp-2m-karras)$", ErrorMessage = "Generation:DiffusionSampler must be euler-a or dpmpp-2m-karras.")]
    public string DiffusionSampler { get; set; } = "dpmpp-2m-karras";

    /// <summary>onnx-diffusion: the size portrait looks are painted at (SDXL's 2:3 bucket), WIDTHxHEIGHT in multiples of 8.</summary>
    public string DiffusionPortraitSize { get; set; } = "832x1216";

    /// <summary>onnx-diffusion: the size square looks are painted at.</summary>
    public string DiffusionSquareSize { get; set; } = "1024x1024";

    /// <summary>A size setting as width and height, or null when it is not WIDTHxHEIGHT in multiples of 8 up to 2048.</summary>
    public static (int Width, int Height)? ParseSize(string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            && w is >= 8 and <= 2048 && h is >= 8 and <= 2048 && w % 8 == 0 && h % 8 == 0
            ? (w, h)
            : null;
    }

    public bool IsGenerative => Engine != Reframe;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(DiffusionPortraitSize), DiffusionPortraitSize), (nameof(DiffusionSquareSize), DiffusionSquareSize) })
        {
            if (ParseSize(value) is null)
            {
                yield return new ValidationResult($"Generation:{name} must be WIDTHxHEIGHT in multiples of 8 up to 2048, e.g. 832x1216; it is '{value}'.", [name]);
            }
        }
    }
}
