using System.Globalization;

namespace Headshots.Pipeline.Delivery;

/// <summary>The size line's claim about the real resolution behind a delivered image, so an enlargement is not taken for a photograph.</summary>
public static class SourceLines
{
    /// <param name="megapixels">The real resolution behind the image before enlargement; null when unknown (then nothing is claimed).</param>
    /// <param name="generated">Made by a generator rather than reframed from the person's photo.</param>
    public static string? For(double? megapixels, bool generated, int width, int height) => megapixels switch
    {
        null => null,
        var mp when generated => $"enlarged from the {Megapixels(mp.Value)} MP the generator made",
        var mp when mp.Value * 1_000_000 >= width * (double)height * 0.99 => $"from a {Megapixels(mp.Value)} MP crop of your photo, not enlarged",
        var mp => $"from a {Megapixels(mp.Value)} MP crop of your photo",
    };

    static string Megapixels(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
