using System.Globalization;

namespace Headshots.Jobs.Protocol;

/// <summary>
/// Reads a job message's parameters, which travel as strings in the invariant culture; every problem is a
/// <see cref="FormatException"/> naming the parameter, for the worker to fail the job with.
/// </summary>
internal static class JobParameters
{
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Required(IReadOnlyDictionary<string, string> parameters, string name) =>
        Optional(parameters, name) ?? throw new FormatException($"'{name}' is missing.");

    /// <summary>The value; null when absent or blank.</summary>
    public static string? Optional(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static int Integer(IReadOnlyDictionary<string, string> parameters, string name, NumberStyles styles) =>
        Integer(name, Required(parameters, name), styles);

    public static int Integer(string name, string text, NumberStyles styles) =>
        int.TryParse(text, styles, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{name}' is '{text}'; expected a whole number{(styles == NumberStyles.None ? " without sign" : "")}.");

    public static double Number(IReadOnlyDictionary<string, string> parameters, string name)
    {
        var text = Required(parameters, name);
        return double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{name}' is '{text}'; expected a decimal number such as 0.3.");
    }

    /// <summary>A candidate's name or a file stem: letters, digits and '-' only, so it is safe in a blob path.</summary>
    public static string Name(IReadOnlyDictionary<string, string> parameters, string name)
    {
        var value = Required(parameters, name);
        return DiffuseJob.NamePattern().IsMatch(value)
            ? value
            : throw new FormatException($"'{name}' is '{value}'; expected 1 to 64 letters, digits and '-'.");
    }
}
