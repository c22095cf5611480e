using System.Globalization;

namespace Headshots.Jobs.Edits;

/// <summary>
/// One refinement a person asks for on a delivered headshot. The same request comes from the gallery's form, the
/// CLI and the job queue, as string fields parsed by <see cref="Parse"/>; <see cref="ToFields"/> writes them back.
/// </summary>
/// <param name="SkinSmoothing">0 (none) .. 1 (strongest that still keeps pores); null keeps the natural default.</param>
/// <param name="Hair">A described hairstyle; only a generative (cloud) engine can do it.</param>
/// <param name="Expression">A described expression; only a generative (cloud) engine can do it.</param>
/// <param name="Outfit">A described clothing style ("navy suit with white shirt"); only a generative (cloud) engine can do it.</param>
/// <param name="Scene">A described setting behind the person ("library with bookshelves"); only a generative (cloud) engine can do it.</param>
public sealed record RefineEdits(
    EditColour? Clothes = null,
    BackgroundChoice? Background = null,
    FreckleChange Freckles = FreckleChange.None,
    double? SkinSmoothing = null,
    MakeupOptions Makeup = MakeupOptions.None,
    string? Hair = null,
    string? Expression = null,
    string? Outfit = null,
    string? Scene = null)
{
    public const string ClothesField = "clothes";
    public const string BackgroundField = "background";
    public const string FrecklesField = "freckles";
    public const string SkinSmoothingField = "skinSmoothing";
    public const string MakeupField = "makeup";
    public const string HairField = "hair";
    public const string ExpressionField = "expression";
    public const string OutfitField = "outfit";
    public const string SceneField = "scene";

    /// <summary>The longest hair, expression, outfit or scene description accepted; a prompt, not an essay.</summary>
    public const int MaxDescriptionLength = 200;

    public static IReadOnlyList<string> Fields { get; } =
        [ClothesField, BackgroundField, FrecklesField, SkinSmoothingField, MakeupField, HairField, ExpressionField, OutfitField, SceneField];

    public bool IsEmpty => this == new RefineEdits();

    /// <summary>Edits that invent pixels the photos do not contain: only a generative engine can make them.</summary>
    public bool NeedsGenerativeEngine => GenerativeChanges.Count > 0;

    /// <summary>The generative changes asked for, as their field and description, in <see cref="Fields"/> order.</summary>
    public IReadOnlyList<(string Field, string Description)> GenerativeChanges
    {
        get
        {
            var changes = new List<(string, string)>();
            if (Hair is not null) changes.Add((HairField, Hair));
            if (Expression is not null) changes.Add((ExpressionField, Expression));
            if (Outfit is not null) changes.Add((OutfitField, Outfit));
            if (Scene is not null) changes.Add((SceneField, Scene));
            return changes;
        }
    }

    /// <summary>Edits that touch the face itself, applied by the face enhancer.</summary>
    public bool TouchesFace => Freckles != FreckleChange.None || SkinSmoothing is not null || Makeup != MakeupOptions.None;

    /// <summary>A short human summary for the version history ("clothes navy, background blur").</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Clothes is not null) parts.Add($"clothes {Name(Clothes)}");
        if (Background is not null) parts.Add($"background {(Background.Colour is { } c ? Name(c) : Background.ToString())}");
        if (Freckles != FreckleChange.None) parts.Add(Freckles == FreckleChange.Add ? "freckles added" : "freckles softened");
        if (SkinSmoothing is { } s) parts.Add($"skin smoothing {s.ToString("0.##", CultureInfo.InvariantCulture)}");
        if (Makeup != MakeupOptions.None) parts.Add($"makeup {MakeupText(Makeup)}");
        foreach (var (field, description) in GenerativeChanges) parts.Add($"{field}: {description}");
        return parts.Count == 0 ? "no change" : string.Join(", ", parts);

        static string Name(EditColour c) => EditColour.Named.FirstOrDefault(n => n.Value == c && n.Key != "gray").Key ?? c.Hex;
    }

    /// <summary>Non-empty fields only, in the form <see cref="Parse"/> reads.</summary>
    public IReadOnlyDictionary<string, string> ToFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Clothes is not null) fields[ClothesField] = Clothes.Hex;
        if (Background is not null) fields[BackgroundField] = Background.ToString();
        if (Freckles != FreckleChange.None) fields[FrecklesField] = Freckles == FreckleChange.Add ? "add" : "soften";
        if (SkinSmoothing is { } s) fields[SkinSmoothingField] = s.ToString("0.###", CultureInfo.InvariantCulture);
        if (Makeup != MakeupOptions.None) fields[MakeupField] = MakeupText(Makeup);
        foreach (var (field, description) in GenerativeChanges) fields[field] = description;
        return fields;
    }

    /// <summary>
    /// Reads a request; blank fields mean "no change". Every wrong field is reported at once, each saying what is
    /// accepted, and nothing is returned unless all are valid.
    /// </summary>
    /// <param name="allowEmpty">Accept a request with no edit (a job that only re-applies a version's retouch).</param>
    public static RefineEditsParse Parse(IReadOnlyDictionary<string, string?> fields, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<string>();
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        foreach (var unknown in fields.Keys.Where(k => !Fields.Contains(k, StringComparer.Ordinal) && !string.IsNullOrWhiteSpace(fields[k])))
        {
            errors.Add($"'{unknown}' is not an edit: use {string.Join(", ", Fields)}.");
        }

        EditColour? clothes = null;
        if (Field(ClothesField) is { } clothesText)
        {
            if (EditColour.TryParse(clothesText, out var c, out var e)) clothes = c; else errors.Add($"clothes: {e}");
        }

        BackgroundChoice? background = null;
        if (Field(BackgroundField) is { } backgroundText)
        {
            if (BackgroundChoice.TryParse(backgroundText, out var b, out var e)) background = b; else errors.Add($"background: {e}");
        }

        var freckles = FreckleChange.None;
        switch (Field(FrecklesField)?.ToLowerInvariant())
        {
            case null: break;
            case "add": freckles = FreckleChange.Add; break;
            case "soften": freckles = FreckleChange.Soften; break;
            case var other: errors.Add($"freckles: '{other}' is not a choice: use add or soften."); break;
        }

        double? smoothing = null;
        if (Field(SkinSmoothingField) is { } smoothingText)
        {
            if (double.TryParse(smoothingText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1) smoothing = s;
            else errors.Add($"skin smoothing: '{smoothingText}' is not a number from 0 to 1 (0 keeps the skin as it is; the natural default is 0.35).");
        }

        var makeup = MakeupOptions.None;
        if (Field(MakeupField) is { } makeupText)
        {
            foreach (var item in makeupText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                switch (item.ToLowerInvariant())
                {
                    case "lips": makeup |= MakeupOptions.Lips; break;
                    case "undereye": case "under-eye": makeup |= MakeupOptions.UnderEye; break;
                    case "shine": makeup |= MakeupOptions.Shine; break;
                    default: errors.Add($"makeup: '{item}' is not a choice: use lips, undereye and/or shine, separated by commas."); break;
                }
            }
        }

        var hair = Description(HairField);
        var expression = Description(ExpressionField);
        var outfit = Description(OutfitField);
        var scene = Description(SceneField);

        if (errors.Count > 0) return new RefineEditsParse(null, errors);
        var edits = new RefineEdits(clothes, background, freckles, smoothing, makeup, hair, expression, outfit, scene);
        return edits.IsEmpty && !allowEmpty
            ? new RefineEditsParse(null, ["the request asks for no change: choose at least one edit (clothes, background, freckles, skin smoothing, makeup)."])
            : new RefineEditsParse(edits, []);

        string? Description(string name)
        {
            var text = Field(name);
            if (text is null) return null;
            if (text.Length <= MaxDescriptionLength && !text.Any(char.IsControl)) return text;
            errors.Add($"{name}: describe it in at most {MaxDescriptionLength} characters on one line.");
            return null;
        }
    }

    static string MakeupText(MakeupOptions makeup) => string.Join(",", new[]
    {
        makeup.HasFlag(MakeupOptions.Lips) ? "lips" : null,
        makeup.HasFlag(MakeupOptions.UnderEye) ? "undereye" : null,
        makeup.HasFlag(MakeupOptions.Shine) ? "shine" : null,
    }.Where(s => s is not null));
}

/// <summary>Either the edits or every reason they were refused.</summary>
public sealed record RefineEditsParse(RefineEdits? Edits, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Edits is not null;
}
