using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of infra-bicep/main.bicep, with every module's nested
/// deployment walked, and a small resolver for the one expression form that matters here,
/// <c>[parameters('x')]</c>, so that literal values passed from main.bicep into a module can be read
/// where the module uses them.
/// </summary>
internal sealed partial class ArmTemplate
{
    private static readonly Lazy<ArmTemplate> MainTemplate = new(() =>
    {
        var build = BicepCli.BuildMain();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({build.ExitCode}):\n{build.StandardError}");
        }

        return new ArmTemplate(build.StandardOutput);
    });

    private ArmTemplate(string text)
    {
        Text = text;
        var root = JsonNode.Parse(text)!.AsObject();
        Json = root;
        Root = new ArmDeployment("main", root, PassedParameters: null, Parent: null);
        var deployments = new List<ArmDeployment> { Root };
        var resources = new List<ArmResource>();
        Collect(Root, deployments, resources);
        Deployments = deployments;
        Resources = resources;
    }

    /// <summary>A template given as ARM JSON (for checks of the test helpers themselves).</summary>
    public static ArmTemplate FromJson(string text) => new(text);

    /// <summary>The compiled main template (built once per test run).</summary>
    public static ArmTemplate Main => MainTemplate.Value;

    public JsonObject Json { get; }

    public ArmDeployment Root { get; }

    /// <summary>main and every module deployment, depth first.</summary>
    public IReadOnlyList<ArmDeployment> Deployments { get; }

    /// <summary>Every resource in main and in all modules, except the module deployments themselves.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>The template as bicep wrote it.</summary>
    public string Text { get; }

    /// <summary>JSON text of a node without escaping quotes (the default encoder writes ' as \u0027).</summary>
    public static string TextOf(JsonNode? node) => node?.ToJsonString(RelaxedJson) ?? "";

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    public ArmDeployment Module(string name) =>
        Deployments.SingleOrDefault(deployment => deployment.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No module deployment named '{name}' in the compiled template.");

    private static void Collect(ArmDeployment deployment, List<ArmDeployment> deployments, List<ArmResource> resources)
    {
        foreach (var resource in EnumerateResources(deployment.Template))
        {
            var type = resource["type"]?.GetValue<string>() ?? "";
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var child = new ArmDeployment(
                    resource["name"]?.GetValue<string>() ?? "",
                    nested,
                    resource["properties"]?["parameters"] as JsonObject,
                    deployment,
                    resource);
                deployments.Add(child);
                Collect(child, deployments, resources);
            }
            else
            {
                resources.Add(new ArmResource(type, resource, deployment));
            }
        }
    }

    /// <summary>Resources of a template, in either the classic (array) or symbolic-name (object) form.</summary>
    private static IEnumerable<JsonObject> EnumerateResources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']+)'\)\]$")]
    internal static partial Regex ParameterReference();
}

/// <summary>One deployment: main, or a module with the parameters main passes to it.</summary>
internal sealed record ArmDeployment(
    string Name,
    JsonObject Template,
    JsonObject? PassedParameters,
    ArmDeployment? Parent,
    JsonObject? DeploymentResource = null)
{
    public JsonObject Parameters => Template["parameters"] as JsonObject ?? [];

    public JsonObject Variables => Template["variables"] as JsonObject ?? [];

    public JsonObject Outputs => Template["outputs"] as JsonObject ?? [];

    /// <summary>
    /// The value of <paramref name="node"/> with <c>[parameters('x')]</c> replaced by what the
    /// parent passes for x (followed up to main) or, failing that, x's default value. Anything else
    /// is returned as it is (an expression stays an expression string).
    /// </summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var match = ArmTemplate.ParameterReference().Match(text);
            if (match.Success)
            {
                return ResolveParameter(match.Groups["name"].Value);
            }
        }

        return node;
    }

    public string? ResolveString(JsonNode? node) =>
        Resolve(node) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public JsonNode? ResolveParameter(string name)
    {
        if (PassedParameters?[name] is JsonObject passed && passed.ContainsKey("value"))
        {
            return Parent is null ? passed["value"] : Parent.Resolve(passed["value"]);
        }

        return Parameters[name]?["defaultValue"];
    }
}

internal sealed record ArmResource(string Type, JsonObject Json, ArmDeployment Deployment)
{
    public JsonNode? Properties => Json["properties"];

    public JsonNode? this[string path] =>
        path.Split('.').Aggregate<string, JsonNode?>(Json, (node, part) => node?[part]);

    public JsonNode? Resolved(string path) => Deployment.Resolve(this[path]);

    public string? ResolvedString(string path) => Deployment.ResolveString(this[path]);
}
