using System.Globalization;

namespace Headshots.Jobs.Protocol;

/// <summary>The identity job's parameters.</summary>
/// <param name="MinAccepted">How many photos must be of one person for the shoot to go on.</param>
public sealed record IdentityJobParameters(int MinAccepted)
{
    public const string MinAcceptedParameter = "minAccepted";

    /// <summary>What a job without the parameter asks for: any one photo will do.</summary>
    public const int DefaultMinAccepted = 1;

    public Dictionary<string, string> ToParameters() => new() { [MinAcceptedParameter] = JobParameters.Text(MinAccepted) };

    /// <exception cref="FormatException">The parameter is not a whole number; the message names it.</exception>
    public static IdentityJobParameters Parse(IReadOnlyDictionary<string, string> parameters) => new(
        JobParameters.Optional(parameters, MinAcceptedParameter) is { } text
            ? JobParameters.Integer(MinAcceptedParameter, text, NumberStyles.None)
            : DefaultMinAccepted);
}
