namespace Headshots.Jobs.Looks;

/// <summary>
/// The looks a person can order. Ids are part of the order format and of blob names: never rename one.
/// </summary>
public static class LookCatalog
{
    public static readonly LookPreset CorporateGrey = new("corporate-grey", "Corporate grey studio",
        "Even, neutral light on a mid-grey studio backdrop: the classic company-website headshot.", AspectRatio.Portrait4x5);

    public static readonly LookPreset DarkStudio = new("dark-studio", "Dark studio",
        "Low-key light falling off into a charcoal backdrop, for a confident, editorial portrait.", AspectRatio.Portrait4x5);

    public static readonly LookPreset BrightOffice = new("bright-office", "Bright startup office",
        "Airy, slightly warm light with a softly blurred bright interior behind you.", AspectRatio.Portrait3x4);

    public static readonly LookPreset OutdoorNatural = new("outdoor-natural", "Outdoor natural light",
        "Warm, soft daylight with gentle greenery falling out of focus behind you.", AspectRatio.Portrait3x4);

    public static readonly LookPreset BwEditorial = new("bw-editorial", "Black and white editorial",
        "Contrasty black and white with deep shadows, as in a magazine profile.", AspectRatio.Square);

    public static IReadOnlyList<LookPreset> All { get; } = [CorporateGrey, DarkStudio, BrightOffice, OutdoorNatural, BwEditorial];

    public static LookPreset Default => CorporateGrey;

    public static LookPreset? Find(string? id) => All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal));
}
