using System.Globalization;
using System.Text.RegularExpressions;

namespace Headshots.Jobs.Protocol;

/// <summary>
/// The diffuse job's contract, as the orchestrations write it and the worker reads it: one input (a reference crop,
/// JPEG or PNG), these parameters, one output <c>{OutputPrefix}{name}.png</c>, and the result values
/// <see cref="EngineResult"/>, <see cref="StepsResult"/> and <see cref="SecondsResult"/>.
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

    /// <summary>Result value: the engine's name, "onnx-diffusion".</summary>
    public const string EngineResult = "engine";

    /// <summary>Result value: the UNet steps run, both passes together.</summary>
    public const string StepsResult = "steps";

    /// <summary>Result value: the run's wall seconds on the worker.</summary>
    public const string SecondsResult = "seconds";

    public static IReadOnlyList<string> Samplers { get; } = [EulerAncestral, DpmPlusPlus2MKarras];

    /// <summary>The output blob of a job with this prefix and name.</summary>
    public static string OutputPath(string outputPrefix, string name) => $"{outputPrefix}{name}.png";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    internal static partial Regex NamePattern();
}

/// <summary>The diffuse job's parameters, typed. Ranges (size, steps, strength) are the engine's to judge.</summary>
public sealed record DiffuseJobParameters(
    string Prompt,
    string? NegativePrompt,
    int Seed,
    int Width,
    int Height,
    int Steps,
    double Strength,
    string Sampler,
    string Name,
    double? Guidance = null)
{
    /// <summary>The job message's parameters.</summary>
    public Dictionary<string, string> ToParameters()
    {
        var parameters = new Dictionary<string, string>
        {
            [DiffuseJob.PromptParameter] = Prompt,
            [DiffuseJob.SeedParameter] = Seed.ToString(CultureInfo.InvariantCulture),
            [DiffuseJob.WidthParameter] = Width.ToString(CultureInfo.InvariantCulture),
            [DiffuseJob.HeightParameter] = Height.ToString(CultureInfo.InvariantCulture),
            [DiffuseJob.StepsParameter] = Steps.ToString(CultureInfo.InvariantCulture),
            [DiffuseJob.StrengthParameter] = Strength.ToString("R", CultureInfo.InvariantCulture),
            [DiffuseJob.SamplerParameter] = Sampler,
            [DiffuseJob.NameParameter] = Name,
        };
        if (!string.IsNullOrEmpty(NegativePrompt)) parameters[DiffuseJob.NegativePromptParameter] = NegativePrompt;
        if (Guidance is { } guidance) parameters[DiffuseJob.GuidanceParameter] = guidance.ToString("R", CultureInfo.InvariantCulture);
        return parameters;
    }

    /// <exception cref="FormatException">A parameter is missing or not of its form; the message names it.</exception>
    public static DiffuseJobParameters Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var sampler = Required(parameters, DiffuseJob.SamplerParameter);
        if (!DiffuseJob.Samplers.Contains(sampler))
        {
            throw new FormatException($"'{DiffuseJob.SamplerParameter}' is '{sampler}'; expected {string.Join(" or ", DiffuseJob.Samplers)}.");
        }

        var name = Required(parameters, DiffuseJob.NameParameter);
        if (!DiffuseJob.NamePattern().IsMatch(name))
        {
            throw new FormatException($"'{DiffuseJob.NameParameter}' is '{name}'; expected 1 to 64 letters, digits and '-'.");
        }

        return new DiffuseJobParameters(
            Required(parameters, DiffuseJob.PromptParameter),
            parameters.TryGetValue(DiffuseJob.NegativePromptParameter, out var negative) && !string.IsNullOrWhiteSpace(negative) ? negative : null,
            Integer(parameters, DiffuseJob.SeedParameter, NumberStyles.AllowLeadingSign),
            Integer(parameters, DiffuseJob.WidthParameter, NumberStyles.None),
            Integer(parameters, DiffuseJob.HeightParameter, NumberStyles.None),
            Integer(parameters, DiffuseJob.StepsParameter, NumberStyles.None),
            Number(parameters, DiffuseJob.StrengthParameter),
            sampler,
            name,
            parameters.ContainsKey(DiffuseJob.GuidanceParameter) ? Number(parameters, DiffuseJob.GuidanceParameter) : null);
    }

    private static string Required(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new FormatException($"'{name}' is missing.");

    private static int Integer(IReadOnlyDictionary<string, string> parameters, string name, NumberStyles styles)
    {
        var text = Required(parameters, name);
        return int.TryParse(text, styles, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{name}' is '{text}'; expected a whole number{(styles == NumberStyles.None ? " without sign" : "")}.");
    }

    private static double Number(IReadOnlyDictionary<string, string> parameters, string name)
    {
        var text = Required(parameters, name);
        return double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{name}' is '{text}'; expected a decimal number such as 0.3.");
    }
}
