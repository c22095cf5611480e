using System.Collections.Concurrent;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// The prompts sent with each edit, from versioned files embedded in this assembly (Editing/Prompts/{kind}.{version}.txt),
/// so a prompt change is a reviewed file change and every result can say which prompt made it.
/// </summary>
public sealed class PromptTemplates
{
    public const string DescriptionPlaceholder = "{description}";

    /// <summary>The longest description passed on; the refine form limits it too.</summary>
    public const int MaxDescriptionLength = 400;

    readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);

    public static string ResourceName(GenerativeEditKind kind, string version) =>
        $"Headshots.Pipeline.Editing.Prompts.{kind.ToString().ToLowerInvariant()}.{version}.txt";

    public string Template(GenerativeEditKind kind, string version) => cache.GetOrAdd(ResourceName(kind, version), name =>
    {
        using var stream = typeof(PromptTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"There is no prompt template {name}; add Editing/Prompts/{kind.ToString().ToLowerInvariant()}.{version}.txt.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Trim();
        if (!text.Contains(DescriptionPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The prompt template {name} has no {DescriptionPlaceholder}.");
        }
        return text;
    });

    /// <summary>The template with the person's description in it, as one line per template line.</summary>
    public string Render(GenerativeEditKind kind, string version, string description)
    {
        // The description is the person's words; line breaks and braces would let it reshape the template around it.
        var clean = string.Join(' ', description.Split((char[])[' ', '\r', '\n', '\t', '{', '}'], StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length > MaxDescriptionLength) clean = clean[..MaxDescriptionLength];
        return Template(kind, version).Replace(DescriptionPlaceholder, clean, StringComparison.Ordinal);
    }
}
