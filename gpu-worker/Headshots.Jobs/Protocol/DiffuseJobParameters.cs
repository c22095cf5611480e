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
            [DiffuseJob.SeedParameter] = JobParameters.Text(Seed),
            [DiffuseJob.WidthParameter] = JobParameters.Text(Width),
            [DiffuseJob.HeightParameter] = JobParameters.Text(Height),
            [DiffuseJob.StepsParameter] = JobParameters.Text(Steps),
            [DiffuseJob.StrengthParameter] = JobParameters.Text(Strength),
            [DiffuseJob.SamplerParameter] = Sampler,
            [DiffuseJob.NameParameter] = Name,
        };
        if (!string.IsNullOrEmpty(NegativePrompt)) parameters[DiffuseJob.NegativePromptParameter] = NegativePrompt;
        if (Guidance is { } guidance) parameters[DiffuseJob.GuidanceParameter] = JobParameters.Text(guidance);
        return parameters;
    }

    /// <exception cref="FormatException">A parameter is missing or not of its form; the message names it.</exception>
    public static DiffuseJobParameters Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var sampler = JobParameters.Required(parameters, DiffuseJob.SamplerParameter);
        if (!DiffuseJob.Samplers.Contains(sampler))
        {
            throw new FormatException($"'{DiffuseJob.SamplerParameter}' is '{sampler}'; expected {string.Join(" or ", DiffuseJob.Samplers)}.");
        }

        var name = JobParameters.Name(parameters, DiffuseJob.NameParameter);
        return new DiffuseJobParameters(
            JobParameters.Required(parameters, DiffuseJob.PromptParameter),
            JobParameters.Optional(parameters, DiffuseJob.NegativePromptParameter),
            JobParameters.Integer(parameters, DiffuseJob.SeedParameter, NumberStyles.AllowLeadingSign),
            JobParameters.Integer(parameters, DiffuseJob.WidthParameter, NumberStyles.None),
            JobParameters.Integer(parameters, DiffuseJob.HeightParameter, NumberStyles.None),
            JobParameters.Integer(parameters, DiffuseJob.StepsParameter, NumberStyles.None),
            JobParameters.Number(parameters, DiffuseJob.StrengthParameter),
            sampler,
            name,
            parameters.ContainsKey(DiffuseJob.GuidanceParameter) ? JobParameters.Number(parameters, DiffuseJob.GuidanceParameter) : null);
    }
}
