using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>
/// Evaluates the compiled template for one set of main parameters, the way ARM would before it creates anything:
/// parameter values (checked against their allowed values), variables, module parameters, conditions and module
/// outputs. What only a real deployment knows (resource ids and properties, subscription(), uniqueString(), …) is
/// <see cref="Unknown"/>, which spreads through every function that receives it, so a test sees it rather than a
/// made-up value. Functions it does not implement throw, so nothing is silently mis-evaluated.
/// Values are plain CLR objects: string, bool, long, decimal, null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;.
/// </summary>
internal sealed partial class ArmEvaluator(ArmTemplate template, IReadOnlyDictionary<string, object?> mainParameters)
{
    /// <summary>A value only a real deployment knows.</summary>
    public static readonly object Unknown = new UnknownValue();

    /// <summary>Functions whose result depends on the subscription, the deployment or a created resource.</summary>
    private static readonly HashSet<string> DeploymentFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "subscription", "tenant", "resourceGroup", "managementGroup", "deployment", "deployer", "environment",
        "uniqueString", "guid", "newGuid", "utcNow",
        "resourceId", "subscriptionResourceId", "tenantResourceId", "extensionResourceId",
    };

    public ArmTemplate Template => template;

    /// <summary>Evaluates a template value (an expression string, a literal, or an object/array of them) in a deployment.</summary>
    public object? Evaluate(ArmDeployment deployment, JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(
            pair => ArmExpression.IsExpression(pair.Key) ? Text(Evaluate(deployment, JsonValue.Create(pair.Key))) : pair.Key,
            pair => Evaluate(deployment, pair.Value),
            StringComparer.OrdinalIgnoreCase),
        JsonArray array => array.Select(item => Evaluate(deployment, item)).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String when ArmExpression.IsExpression(value.GetValue<string>()) =>
                Evaluate(deployment, ArmExpression.Parse(value.GetValue<string>())),
            JsonValueKind.String => ArmExpression.Unescape(value.GetValue<string>()),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var integer) ? integer : value.GetValue<decimal>(),
            _ => null,
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    /// <summary>Evaluates an expression string such as "[parameters('x')]" in main.</summary>
    public object? Evaluate(string expression) => Evaluate(template.Root, JsonValue.Create(expression));

    public object? Parameter(ArmDeployment deployment, string name)
    {
        var declared = deployment.Parameters[name] as JsonObject
            ?? throw new InvalidOperationException($"{deployment.Name} has no parameter '{name}'.");

        object? value;
        if (deployment.Parent is null && mainParameters.TryGetValue(name, out var given))
        {
            value = given;
        }
        else if (deployment.Parent is not null && deployment.PassedParameters?[name] is JsonObject passed && passed.ContainsKey("value"))
        {
            value = Evaluate(deployment.Parent, passed["value"]);
        }
        else if (declared.ContainsKey("defaultValue"))
        {
            value = Evaluate(deployment, declared["defaultValue"]);
        }
        else
        {
            throw new InvalidOperationException($"{deployment.Name}: parameter '{name}' has no value and no default (azd would ask for it).");
        }

        if (declared["allowedValues"] is JsonArray allowed && value != Unknown
            && !allowed.Any(option => DeepEquals(Evaluate(deployment, option), value)))
        {
            throw new ArmDeploymentFailure($"{deployment.Name}: '{Text(value)}' is not an allowed value of parameter '{name}'.");
        }

        return value;
    }

    public object? Variable(ArmDeployment deployment, string name)
    {
        if (!deployment.Variables.ContainsKey(name) || name == "copy")
        {
            throw new NotSupportedException($"{deployment.Name}: variable '{name}' is missing or a copy loop.");
        }

        return Evaluate(deployment, deployment.Variables[name]);
    }

    /// <summary>The value of a module's output, as main reads it with reference(…).outputs.x.value.</summary>
    public object? Output(ArmDeployment deployment, string name)
    {
        if (IsDeployed(deployment) == false)
        {
            // ARM refuses to reference a deployment its condition skipped; bicep guards `module.?outputs` with if().
            throw new ArmDeploymentFailure($"The output '{name}' of module '{deployment.Name}', which is not deployed, is referenced.");
        }

        var output = deployment.Outputs[name] as JsonObject
            ?? throw new InvalidOperationException($"Module '{deployment.Name}' has no output '{name}'.");
        return Evaluate(deployment, output["value"]);
    }

    /// <summary>Whether a module is deployed: its own condition and all its parents'; null when only Azure knows.</summary>
    public bool? IsDeployed(ArmDeployment deployment)
    {
        if (deployment.Parent is null)
        {
            return true;
        }

        var parent = IsDeployed(deployment.Parent);
        return parent == false ? false : And(parent, Condition(deployment.Parent, deployment.DeploymentResource));
    }

    /// <summary>Whether a resource is deployed: its condition and its deployment's; null when only Azure knows.</summary>
    public bool? IsDeployed(ArmResource resource)
    {
        var deployment = IsDeployed(resource.Deployment);
        return deployment == false ? false : And(deployment, Condition(resource.Deployment, resource.Json));
    }

    private bool? Condition(ArmDeployment deployment, JsonObject? resource) =>
        resource?["condition"] is { } condition ? Evaluate(deployment, condition) switch
        {
            bool value => value,
            UnknownValue => null,
            var other => throw new InvalidOperationException($"Condition is not a bool: {Text(other)}"),
        } : true;

    private static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left is null || right is null ? null : true;

    private object? Evaluate(ArmDeployment deployment, ArmNode node) => node switch
    {
        ArmLiteral literal => literal.Value,
        ArmMember member => Member(Evaluate(deployment, member.Target), member.Name, safe: false),
        ArmIndex index => Index(Evaluate(deployment, index.Target), Evaluate(deployment, index.Index)),
        ArmCall call => Call(deployment, call),
        _ => throw new NotSupportedException(node.ToString()),
    };

    private object? Call(ArmDeployment deployment, ArmCall call)
    {
        var name = call.Name;
        var args = call.Arguments;
        object? Arg(int index) => Evaluate(deployment, args[index]);

        // Functions that evaluate only some of their arguments, or read the template.
        switch (name.ToLowerInvariant())
        {
            case "if":
                return Arg(0) switch
                {
                    UnknownValue => Unknown,
                    bool condition => Arg(condition ? 1 : 2),
                    var other => throw new InvalidOperationException("if() condition is not a bool: " + Text(other)),
                };
            case "coalesce":
                foreach (var argument in args)
                {
                    var value = Evaluate(deployment, argument);
                    if (value is not null)
                    {
                        return value;
                    }
                }

                return null;
            case "fail":
                throw new ArmDeploymentFailure(Text(Arg(0)));
            case "parameters":
                return Parameter(deployment, Text(Arg(0)));
            case "variables":
                return Variable(deployment, Text(Arg(0)));
            case "reference":
                return ModuleReferenced(deployment, args[0]) is { } module ? new ModuleReference(module) : Unknown;
            case "tryget":
                return args.Skip(1).Aggregate(Arg(0), (target, key) => Member(target, Text(Evaluate(deployment, key)), safe: true));
        }

        if (DeploymentFunctions.Contains(name))
        {
            return Unknown;
        }

        var values = args.Select(argument => Evaluate(deployment, argument)).ToList();
        if (!name.Equals("createObject", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("createArray", StringComparison.OrdinalIgnoreCase)
            && values.Contains(Unknown))
        {
            return Unknown;
        }

        return name.ToLowerInvariant() switch
        {
            "createobject" => Enumerable.Range(0, values.Count / 2)
                .ToDictionary(i => Text(values[2 * i]), i => values[2 * i + 1], StringComparer.OrdinalIgnoreCase),
            "createarray" => values,
            "union" => values.Aggregate(Union),
            "concat" => values.All(v => v is List<object?>)
                ? values.SelectMany(v => (List<object?>)v!).ToList()
                : string.Concat(values.Select(Text)),
            "equals" => DeepEquals(values[0], values[1]),
            "not" => !Bool(values[0]),
            "and" => values.All(Bool),
            "or" => values.Any(Bool),
            "empty" => values[0] switch
            {
                null => true,
                string text => text.Length == 0,
                List<object?> list => list.Count == 0,
                Dictionary<string, object?> map => map.Count == 0,
                _ => false,
            },
            "length" => values[0] switch
            {
                string text => (long)text.Length,
                List<object?> list => (long)list.Count,
                Dictionary<string, object?> map => (long)map.Count,
                var other => throw new InvalidOperationException("length() of " + Text(other)),
            },
            "contains" => values[0] switch
            {
                string text => text.Contains(Text(values[1]), StringComparison.OrdinalIgnoreCase),
                List<object?> list => list.Any(item => DeepEquals(item, values[1])),
                Dictionary<string, object?> map => map.ContainsKey(Text(values[1])),
                var other => throw new InvalidOperationException("contains() on " + Text(other)),
            },
            "tolower" => Text(values[0]).ToLowerInvariant(),
            "toupper" => Text(values[0]).ToUpperInvariant(),
            "string" => values[0] is string text ? text : Text(values[0]),
            "int" => Convert.ToInt64(values[0], CultureInfo.InvariantCulture),
            "bool" => values[0] is string text ? bool.Parse(text) : Bool(values[0]),
            "json" => FromJson(JsonNode.Parse(Text(values[0]))),
            "format" => FormatPlaceholder().Replace(Text(values[0]), match => Text(values[1 + int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)])),
            "null" => null,
            "true" => true,
            "false" => false,
            _ => throw new NotSupportedException($"The test evaluator does not implement the ARM function {name}()."),
        };
    }

    /// <summary>The module deployment a reference() names: resourceId-like call with 'Microsoft.Resources/deployments' and a literal name.</summary>
    private ArmDeployment? ModuleReferenced(ArmDeployment deployment, ArmNode id)
    {
        if (id is not ArmCall { Arguments: var parts } call || !DeploymentFunctions.Contains(call.Name)
            || !parts.Any(part => part is ArmLiteral { Value: "Microsoft.Resources/deployments" })
            || parts[^1] is not ArmLiteral { Value: string name })
        {
            return null;
        }

        return template.Deployments.SingleOrDefault(child => ReferenceEquals(child.Parent, deployment) && child.Name == name)
            ?? throw new InvalidOperationException($"{deployment.Name} references a module '{name}' it does not deploy.");
    }

    private object? Member(object? target, string name, bool safe) => target switch
    {
        UnknownValue => Unknown,
        ModuleReference module when name.Equals("outputs", StringComparison.OrdinalIgnoreCase) => new ModuleOutputs(module.Deployment),
        ModuleReference => Unknown,
        ModuleOutputs outputs when outputs.Deployment.Outputs.ContainsKey(name) => new ModuleOutput(outputs.Deployment, name),
        ModuleOutput output when name.Equals("value", StringComparison.OrdinalIgnoreCase) => Output(output.Deployment, output.Name),
        Dictionary<string, object?> map when map.TryGetValue(name, out var value) => value,
        _ when safe => null,
        _ => throw new InvalidOperationException($"No property '{name}' on {Text(target)}."),
    };

    private static object? Index(object? target, object? index) => (target, index) switch
    {
        (UnknownValue, _) or (_, UnknownValue) => Unknown,
        (Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"No property '{key}' in {Text(target)}."),
        (List<object?> list, long position) => list[(int)position],
        _ => throw new InvalidOperationException($"Cannot index {Text(target)} with {Text(index)}."),
    };

    private static object? Union(object? left, object? right) => (left, right) switch
    {
        (Dictionary<string, object?> a, Dictionary<string, object?> b) => b.Aggregate(
            new Dictionary<string, object?>(a, StringComparer.OrdinalIgnoreCase),
            (merged, pair) =>
            {
                merged[pair.Key] = merged.TryGetValue(pair.Key, out var existing) && existing is Dictionary<string, object?> && pair.Value is Dictionary<string, object?>
                    ? Union(existing, pair.Value)
                    : pair.Value;
                return merged;
            }),
        (List<object?> a, List<object?> b) => a.Concat(b.Where(item => !a.Any(existing => DeepEquals(existing, item)))).ToList(),
        _ => throw new InvalidOperationException($"union() of {Text(left)} and {Text(right)}."),
    };

    private static bool Bool(object? value) =>
        value as bool? ?? throw new InvalidOperationException("Not a bool: " + Text(value));

    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => DeepEquals(pair.First, pair.Second)),
        (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && DeepEquals(pair.Value, other)),
        (long a, decimal b) => a == b,
        (decimal a, long b) => a == b,
        _ => Equals(left, right),
    };

    /// <summary>Text of a value: strings as they are, bools as ARM's string() writes them, the rest as JSON.</summary>
    public static string Text(object? value) => value switch
    {
        string text => text,
        bool flag => flag ? "True" : "False",
        long or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        UnknownValue => "<known only at deployment>",
        null => "null",
        _ => JsonSerializer.Serialize(value),
    };

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(pair => pair.Key, pair => FromJson(pair.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var integer) ? integer : value.GetValue<decimal>(),
            _ => null,
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex FormatPlaceholder();

    private sealed class UnknownValue
    {
        public override string ToString() => "<known only at deployment>";
    }

    private sealed record ModuleReference(ArmDeployment Deployment);

    private sealed record ModuleOutputs(ArmDeployment Deployment);

    private sealed record ModuleOutput(ArmDeployment Deployment, string Name);
}

/// <summary>The deployment would stop here: fail(), a value outside a parameter's allowed values, a skipped module referenced.</summary>
internal sealed class ArmDeploymentFailure(string message) : Exception(message);
