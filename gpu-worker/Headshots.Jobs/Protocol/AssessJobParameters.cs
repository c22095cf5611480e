namespace Headshots.Jobs.Protocol;

/// <summary>The assess job's parameters: which look a generated image is a candidate of, and the candidate's file stem.</summary>
/// <param name="Name">The candidate's file stem: letters, digits and '-'.</param>
/// <param name="IdentityProfile">The identity profile to measure the candidate's likeness against; null to skip it.</param>
public sealed record AssessJobParameters(string Look, string Name, string? IdentityProfile)
{
    public const string LookParameter = "look";
    public const string NameParameter = "name";

    public Dictionary<string, string> ToParameters()
    {
        var parameters = new Dictionary<string, string> { [LookParameter] = Look, [NameParameter] = Name };
        if (IdentityProfile is not null) parameters[JobParameterNames.IdentityProfile] = IdentityProfile;
        return parameters;
    }

    /// <exception cref="FormatException">A parameter is missing or not of its form; the message names it.</exception>
    public static AssessJobParameters Parse(IReadOnlyDictionary<string, string> parameters) => new(
        JobParameters.Required(parameters, LookParameter),
        JobParameters.Name(parameters, NameParameter),
        JobParameters.Optional(parameters, JobParameterNames.IdentityProfile));
}
