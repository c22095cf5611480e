using System.Globalization;

namespace Headshots.Jobs.Edits;

/// <summary>An sRGB colour a person asks for, by name ("navy") or hex ("#1f2a44", "#abc").</summary>
public sealed record EditColour(byte R, byte G, byte B)
{
    /// <summary>The names the gallery and the CLI offer: clothing and backdrop colours a studio would stock.</summary>
    public static IReadOnlyDictionary<string, EditColour> Named { get; } = new Dictionary<string, EditColour>(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = new(0x1a, 0x1a, 0x1a),
        ["white"] = new(0xf2, 0xf2, 0xf0),
        ["grey"] = new(0x80, 0x80, 0x80),
        ["gray"] = new(0x80, 0x80, 0x80),
        ["charcoal"] = new(0x36, 0x45, 0x4f),
        ["navy"] = new(0x1f, 0x2a, 0x44),
        ["blue"] = new(0x2a, 0x5d, 0xb0),
        ["light-blue"] = new(0x9c, 0xc3, 0xe6),
        ["teal"] = new(0x1f, 0x7a, 0x7a),
        ["green"] = new(0x2e, 0x7d, 0x32),
        ["olive"] = new(0x6b, 0x6b, 0x2f),
        ["burgundy"] = new(0x80, 0x1f, 0x2f),
        ["red"] = new(0xc0, 0x28, 0x28),
        ["pink"] = new(0xe8, 0xa0, 0xb4),
        ["purple"] = new(0x5e, 0x35, 0x8c),
        ["brown"] = new(0x6d, 0x4c, 0x32),
        ["beige"] = new(0xd8, 0xc8, 0xa8),
        ["camel"] = new(0xc1, 0x9a, 0x6b),
        ["mustard"] = new(0xd4, 0xa1, 0x1e),
        ["orange"] = new(0xe0, 0x70, 0x1e),
    };

    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    public static bool TryParse(string? text, out EditColour colour, out string error)
    {
        colour = Named["grey"];
        error = "";
        var value = text?.Trim() ?? "";
        if (Named.TryGetValue(value, out var named))
        {
            colour = named;
            return true;
        }
        if (value.StartsWith('#') && value.Length is 4 or 7 && value[1..].All(Uri.IsHexDigit))
        {
            var hex = value.Length == 4 ? string.Concat(value[1..].Select(c => new string(c, 2))) : value[1..];
            var rgb = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            colour = new EditColour((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
            return true;
        }
        error = $"'{text}' is not a colour: use a name ({string.Join(", ", Named.Keys.Where(k => k != "gray"))}) or a hex value such as #1f2a44.";
        return false;
    }
}
