using System.Globalization;

namespace Headshots.Jobs.Protocol;

/// <summary>The generate job's parameters: one reframed candidate of one look from the job's one source photo.</summary>
/// <param name="Variant">0-based; different variants give different crops of the same source.</param>
/// <param name="IdentityProfile">The identity profile to measure the candidate's likeness against; null to skip it.</param>
public sealed record GenerateJobParameters(string Look, int Variant, string? IdentityProfile)
{
    public const string LookParameter = "look";
    public const string VariantParameter = "variant";

    public Dictionary<string, string> ToParameters()
    {
        var parameters = new Dictionary<string, string> { [LookParameter] = Look, [VariantParameter] = JobParameters.Text(Variant) };
        if (IdentityProfile is not null) parameters[JobParameterNames.IdentityProfile] = IdentityProfile;
        return parameters;
    }

    /// <exception cref="FormatException">A parameter is missing or not of its form; the message names it.</exception>
    public static GenerateJobParameters Parse(IReadOnlyDictionary<string, string> parameters) => new(
        JobParameters.Required(parameters, LookParameter),
        JobParameters.Integer(parameters, VariantParameter, NumberStyles.None),
        JobParameters.Optional(parameters, JobParameterNames.IdentityProfile));
}
