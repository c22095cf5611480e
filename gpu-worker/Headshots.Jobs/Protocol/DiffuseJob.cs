using System.Text.RegularExpressions;

namespace Headshots.Jobs.Protocol;

/// <summary>
/// The diffuse job's contract, as the orchestrations write it and the worker reads it: one input (a reference crop,
/// JPEG or PNG), these parameters, one output <c>{OutputPrefix}{name}.png</c>, and a <see cref="DiffuseResult"/>.
/// </summary>
public static partial class DiffuseJob
{
    /// <summary>Required: the look's prompt.</summary>
    public const string PromptParameter = "prompt";

    /// <summary>Optional: what to steer away from; absent or empty means none (zero conditioning, as SDXL does).</summary>
    public const string NegativePromptParameter = "negativePrompt";

    /// <summary>Required: an int; the same seed on the same device gives the same image.</summary>
    public const string SeedParameter = "seed";

    /// <summary>Required: pixels, multiples of 8 (real runs 832 × 1216 or 1024 × 1024).</summary>
    public const string WidthParameter = "width";

    public const string HeightParameter = "height";

    /// <summary>Required: sampling steps of the inpainting pass.</summary>
    public const string StepsParameter = "steps";

    /// <summary>Required: 0–1, the harmonising image-to-image pass over the whole frame (0 skips it).</summary>
    public const string StrengthParameter = "strength";

    /// <summary>Required: <see cref="EulerAncestral"/> or <see cref="DpmPlusPlus2MKarras"/>.</summary>
    public const string SamplerParameter = "sampler";

    /// <summary>Required: the output file's stem, letters, digits and '-'.</summary>
    public const string NameParameter = "name";

    /// <summary>Optional: classifier-free guidance scale; 7 when absent.</summary>
    public const string GuidanceParameter = "guidance";

    public const string EulerAncestral = "euler-a";
    public const string DpmPlusPlus2MKarras = "dpmpp-2m-karras";

    public static IReadOnlyList<string> Samplers { get; } = [EulerAncestral, DpmPlusPlus2MKarras];

    /// <summary>The output blob of a job with this prefix and name.</summary>
    public static string OutputPath(string outputPrefix, string name) => $"{outputPrefix}{name}.png";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    internal static partial Regex NamePattern();
}
