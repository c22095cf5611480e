using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Headshots.Infra.Tests;

/// <summary>
/// The two schemas in Schemas/ (see Schemas/README.md), built with JsonSchema.Net, which resolves only
/// local references. The azure.yaml schema's remote references (all for AI hosts this project does not
/// use) are registered as permissive stub schemas before it is built.
/// </summary>
internal static partial class Schemas
{
    private static readonly Lazy<(JsonSchema Schema, IReadOnlyList<string> Stubbed)> AzureYamlSchema = new(() => Load("azure.yaml.json"));

    private static readonly Lazy<(JsonSchema Schema, IReadOnlyList<string> Stubbed)> HostJsonSchema = new(() => Load("host.json"));

    public static JsonSchema AzureYaml => AzureYamlSchema.Value.Schema;

    /// <summary>The remote references that were replaced by stubs when the azure.yaml schema was built.</summary>
    public static IReadOnlyList<string> AzureYamlStubbedReferences => AzureYamlSchema.Value.Stubbed;

    public static JsonSchema HostJson => HostJsonSchema.Value.Schema;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Schemas", file);

    /// <summary>Validates <paramref name="instance"/> and returns the error messages, empty when valid.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid (no detail reported)"];
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is not null)
        {
            errors.AddRange(results.Errors.Select(error => $"{results.InstanceLocation} ({results.EvaluationPath}): {error.Key}: {error.Value}"));
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    private static (JsonSchema, IReadOnlyList<string>) Load(string file)
    {
        var text = File.ReadAllText(PathOf(file));
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };

        // Every absolute $ref to another document: register a stub that accepts anything.
        var stubbed = new List<string>();
        foreach (Match match in RemoteReference().Matches(text))
        {
            var reference = match.Groups["uri"].Value;
            var document = reference.Split('#')[0];
            if (stubbed.Contains(document))
            {
                continue;
            }

            stubbed.Add(document);
            var uri = new Uri(document);
            registry.Register(uri, JsonSchema.FromText("true", options, uri));
        }

        var schema = JsonSchema.FromText(text, options);
        return (schema, stubbed);
    }

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"(?<uri>[a-z][a-z0-9+.-]*://[^\"]+)\"")]
    private static partial Regex RemoteReference();
}
