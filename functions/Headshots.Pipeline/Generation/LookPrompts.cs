using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headshots.Jobs.Looks;
using Headshots.Pipeline.Editing;

namespace Headshots.Pipeline.Generation;

/// <summary>The prompt of one generated candidate and the parts it was built from (what people will see differ).</summary>
public sealed record LookPrompt(string Version, string LookId, int Variant, string Outfit, string Setting, string Light, string Framing, string Expression,
    bool StrongIdentity, string Text)
{
    /// <summary>
    /// The same look for a diffusion model, which reads 77 tokens and keeps the face from the photo itself: only what
    /// it paints (outfit, setting, light), most telling first.
    /// </summary>
    public string DiffusionText => $"professional headshot photograph, {Outfit}, {Setting}, {Light}, photorealistic, sharp focus";

    /// <summary>What a diffusion model is steered away from.</summary>
    public const string DiffusionNegative = "text, watermark, logo, illustration, painting, cartoon, deformed hands, extra people, blurry";
}

/// <summary>
/// Builds each generated candidate's prompt from versioned parts (Generation/Prompts/looks.{version}.json): per look an
/// outfit, a setting, a light, a framing and an expression, chosen by the variant so that the variants of a look
/// differ in what people see (another outfit, another light) and never only in noise. A prompt change is a new
/// version file; the old one stays so that replays and records still name what made an image.
/// </summary>
public sealed class LookPrompts
{
    public const string CurrentVersion = "v1";

    readonly ConcurrentDictionary<string, LookPromptParts> versions = new(StringComparer.Ordinal);

    public LookPrompt For(string lookId, int variant, bool strongIdentity = false, string version = CurrentVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        var parts = Parts(version);
        if (!parts.Looks.TryGetValue(lookId, out var look))
        {
            throw new ArgumentException($"The prompt version {version} has no parts for the look '{lookId}'.", nameof(lookId));
        }
        var outfit = look.Outfits[variant % look.Outfits.Count];
        var setting = look.Settings[variant % look.Settings.Count];
        // Each full round of outfits shifts the lights by one, so no outfit comes back in the same light before
        // outfits × lights variants.
        var light = look.Lights[((variant % look.Outfits.Count) + (variant / look.Outfits.Count)) % look.Lights.Count];
        var expression = look.Expressions[variant % look.Expressions.Count];
        var lines = new List<string>
        {
            parts.Opening,
            $"Outfit: {outfit}.",
            $"Setting: {setting}.",
            $"Light: {light}.",
            $"Framing: {look.Framing}.",
            $"Expression: {expression}.",
            parts.Identity,
        };
        if (strongIdentity) lines.Add(parts.StrongIdentity);
        lines.Add(parts.Closing);
        return new LookPrompt(version, lookId, variant, outfit, setting, light, look.Framing, expression, strongIdentity, string.Join('\n', lines));
    }

    /// <summary>The output size for a look: portrait looks are made 1024 × 1536 and cut to their aspect, square ones 1024².</summary>
    public static string SizeFor(LookPreset look) => look.Aspect == AspectRatio.Square ? ImageSizes.Square : ImageSizes.Portrait;

    LookPromptParts Parts(string version) => versions.GetOrAdd(version, v =>
    {
        var name = $"Headshots.Pipeline.Generation.Prompts.looks.{v}.json";
        using var stream = typeof(LookPrompts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"There are no look prompt parts {name}; add Generation/Prompts/looks.{v}.json.");
        var parts = JsonSerializer.Deserialize<LookPromptParts>(stream, Json) ?? throw new InvalidOperationException($"{name} is empty.");
        foreach (var look in LookCatalog.All)
        {
            if (!parts.Looks.TryGetValue(look.Id, out var p) || p.Outfits.Count == 0 || p.Settings.Count == 0 || p.Lights.Count == 0 || p.Expressions.Count == 0)
            {
                throw new InvalidOperationException($"{name} has no complete parts for the look '{look.Id}'.");
            }
        }
        return parts;
    });

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    sealed record LookPromptParts(
        [property: JsonRequired] string Opening,
        [property: JsonRequired] string Identity,
        [property: JsonRequired] string StrongIdentity,
        [property: JsonRequired] string Closing,
        [property: JsonRequired] Dictionary<string, LookParts> Looks);

    sealed record LookParts(
        [property: JsonRequired] IReadOnlyList<string> Settings,
        [property: JsonRequired] IReadOnlyList<string> Outfits,
        [property: JsonRequired] IReadOnlyList<string> Lights,
        [property: JsonRequired] string Framing,
        [property: JsonRequired] IReadOnlyList<string> Expressions);
}
