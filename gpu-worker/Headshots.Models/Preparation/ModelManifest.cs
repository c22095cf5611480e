using System.Text.Json;
using System.Text.RegularExpressions;

namespace Headshots.Models.Preparation;

/// <summary>The committed list of models (<c>models/manifest.json</c>, embedded in this assembly).</summary>
public sealed partial class ModelManifest
{
    private ModelManifest(IReadOnlyList<ModelSpec> models)
    {
        Models = models;
    }

    public IReadOnlyList<ModelSpec> Models { get; }

    public ModelSpec this[string id] =>
        Models.FirstOrDefault(m => m.Id == id) ?? throw new KeyNotFoundException($"The model manifest has no model '{id}'.");

    public static ModelManifest Embedded() => Parse(EmbeddedText("Headshots.Models.manifest.json"));

    /// <summary>A text file the build embeds in this assembly (the committed manifests).</summary>
    internal static string EmbeddedText(string name)
    {
        using var stream = typeof(ModelManifest).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in Headshots.Models.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static ModelManifest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("models", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new ModelConversionException("The model manifest has no 'models' array.");
        }

        var models = new List<ModelSpec>();
        foreach (var entry in list.EnumerateArray())
        {
            var spec = new ModelSpec(
                Text(entry, "id"),
                Text(entry, "purpose"),
                Text(entry, "package"),
                Text(entry, "version"),
                Text(entry, "integrity"),
                Text(entry, "source"),
                entry.TryGetProperty("files", out var files) ? files.EnumerateArray().Select(f => f.GetString() ?? string.Empty).ToList() : [],
                Text(entry, "converter"),
                Text(entry, "licence"));
            Validate(spec, models);
            models.Add(spec);
        }

        return new ModelManifest(models);
    }

    private static void Validate(ModelSpec spec, List<ModelSpec> earlier)
    {
        if (!IdPattern().IsMatch(spec.Id))
        {
            throw new ModelConversionException($"Model id '{spec.Id}' must be lower-case letters, digits and dashes.");
        }

        if (earlier.Any(m => m.Id == spec.Id))
        {
            throw new ModelConversionException($"The model manifest lists '{spec.Id}' twice.");
        }

        if (!VersionPattern().IsMatch(spec.Version))
        {
            throw new ModelConversionException($"Model '{spec.Id}': version '{spec.Version}' must be an exact version (no ranges or tags).");
        }

        if (!spec.Integrity.StartsWith("sha512-", StringComparison.Ordinal))
        {
            throw new ModelConversionException($"Model '{spec.Id}': integrity must be a sha512 subresource-integrity value.");
        }

        if (!ModelConverters.Known.Contains(spec.Converter))
        {
            throw new ModelConversionException($"Model '{spec.Id}': unknown converter '{spec.Converter}' (known: {string.Join(", ", ModelConverters.Known)}).");
        }

        foreach (var file in spec.AllFiles)
        {
            if (!file.StartsWith("package/", StringComparison.Ordinal) || file.Contains("..", StringComparison.Ordinal) || file.Contains('\\'))
            {
                throw new ModelConversionException($"Model '{spec.Id}': '{file}' must be a plain path under package/.");
            }
        }
    }

    private static string Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ModelConversionException($"A model in the manifest lacks '{name}'.");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
