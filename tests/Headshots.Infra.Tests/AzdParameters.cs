using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>
/// The main parameters `azd provision` passes for an azd environment: infra-bicep/main.parameters.json with
/// <c>${NAME}</c> and <c>${NAME=default}</c> replaced from the environment, and each value converted to the type
/// main.bicep declares. An empty value of a bool or int parameter is left out (main.bicep's default applies); an
/// empty string stays an empty string, which for every string parameter here equals main.bicep's own default.
/// </summary>
internal static partial class AzdParameters
{
    /// <summary>What azd itself puts into every environment.</summary>
    public static readonly IReadOnlyDictionary<string, string> NewEnvironment = new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "headshots-test",
        ["AZURE_LOCATION"] = "swedencentral",
        ["AZURE_PRINCIPAL_ID"] = "00000000-0000-0000-0000-000000000001",
    };

    /// <summary>The parameters for a new environment plus <paramref name="set"/> (what `azd env set` added).</summary>
    public static Dictionary<string, object?> For(params (string Name, string Value)[] set)
    {
        var environment = new Dictionary<string, string>(NewEnvironment);
        foreach (var (name, value) in set)
        {
            environment[name] = value;
        }

        return Resolve(environment);
    }

    public static Dictionary<string, object?> Resolve(IReadOnlyDictionary<string, string> environment)
    {
        var file = JsonNode.Parse(Repository.ReadText("infra-bicep", "main.parameters.json"))!["parameters"]!.AsObject();
        var declared = ArmTemplate.Main.Root.Parameters;
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, entry) in file)
        {
            var text = Substitution().Replace(entry!["value"]!.GetValue<string>(), match =>
                environment.TryGetValue(match.Groups["name"].Value, out var value) ? value : match.Groups["default"].Value);
            var type = declared[name]?["type"]?.GetValue<string>() ?? "string";
            if (text.Length == 0 && type != "string")
            {
                continue;
            }

            parameters[name] = type switch
            {
                "bool" => bool.Parse(text),
                "int" => long.Parse(text, CultureInfo.InvariantCulture),
                "string" or "securestring" => text,
                _ => throw new NotSupportedException($"Parameter {name} of type {type}."),
            };
        }

        return parameters;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Substitution();
}
