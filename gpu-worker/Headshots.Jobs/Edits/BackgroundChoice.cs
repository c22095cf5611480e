using Headshots.Jobs.Looks;

namespace Headshots.Jobs.Edits;

public enum BackgroundKind
{
    /// <summary>The backdrop of one of the looks.</summary>
    Look,

    /// <summary>A plain studio colour.</summary>
    Colour,

    /// <summary>The image's own background, thrown out of focus.</summary>
    Blur,
}

/// <summary>What goes behind the person: a look's backdrop, a plain colour, or a blur of the original.</summary>
public sealed record BackgroundChoice(BackgroundKind Kind, string? LookId = null, EditColour? Colour = null)
{
    public static BackgroundChoice Blurred { get; } = new(BackgroundKind.Blur);

    public override string ToString() => Kind switch
    {
        BackgroundKind.Look => LookId!,
        BackgroundKind.Colour => Colour!.Hex,
        _ => "blur",
    };

    public static bool TryParse(string? text, out BackgroundChoice choice, out string error)
    {
        choice = Blurred;
        error = "";
        var value = text?.Trim() ?? "";
        if (string.Equals(value, "blur", StringComparison.OrdinalIgnoreCase)) return true;
        if (LookCatalog.Find(value) is { } look)
        {
            choice = new BackgroundChoice(BackgroundKind.Look, look.Id);
            return true;
        }
        if (EditColour.TryParse(value, out var colour, out _))
        {
            choice = new BackgroundChoice(BackgroundKind.Colour, Colour: colour);
            return true;
        }
        error = $"'{text}' is not a background: use a look ({string.Join(", ", LookCatalog.All.Select(l => l.Id))}), a colour name or hex value, or 'blur'.";
        return false;
    }
}
