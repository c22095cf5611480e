using System.Text.Json;
using System.Text.Json.Serialization;

namespace Headshots.Infra.Tests;

/// <summary>
/// functions.metadata, which the Functions worker SDK writes at build from the triggers' attributes and the host reads
/// to create every binding; the test project's build copies it next to the tests.
/// </summary>
internal static class FunctionsMetadata
{
    private static readonly Lazy<IReadOnlyList<FunctionMetadata>> Functions = new(Load);

    public static IReadOnlyList<FunctionMetadata> All => Functions.Value;

    /// <summary>Every binding of every function, with the function's name.</summary>
    public static IEnumerable<(string Function, BindingMetadata Binding)> Bindings =>
        All.SelectMany(function => function.Bindings.Select(binding => (function.Name, binding)));

    private static IReadOnlyList<FunctionMetadata> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {path}: build tests/Headshots.Infra.Tests, which builds the Functions app and copies its metadata.", path);
        }

        return JsonSerializer.Deserialize<List<FunctionMetadata>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} holds no function list.");
    }
}

internal sealed record FunctionMetadata(string Name, string EntryPoint, IReadOnlyList<BindingMetadata> Bindings);

/// <summary>One binding as the host reads it; each kind fills only its own properties.</summary>
internal sealed record BindingMetadata(
    string Name,
    string Type,
    string Direction,
    string? Connection = null,
    string? QueueName = null,
    string? Path = null,
    string? Source = null,
    string? Route = null,
    string? AuthLevel = null,
    [property: JsonPropertyName("methods")] IReadOnlyList<string>? Methods = null);
