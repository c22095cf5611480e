using System.Globalization;

namespace Headshots.Jobs.Protocol;

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
