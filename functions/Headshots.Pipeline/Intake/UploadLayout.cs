using System.Text.RegularExpressions;

namespace Headshots.Pipeline.Intake;

/// <summary>Where a client puts a shoot's files in the uploads container, and which names are allowed.</summary>
public static partial class UploadLayout
{
    public const string OrderFileName = "order.json";

    public static string ShootPrefix(string shootId) => $"{shootId}/";
    public static string PhotosPrefix(string shootId) => $"{shootId}/photos/";
    public static string PhotoBlob(string shootId, string fileName) => $"{shootId}/photos/{fileName}";
    public static string OrderBlob(string shootId) => $"{shootId}/{OrderFileName}";

    /// <summary>Shoot ids are made by the service: 32 lowercase hex digits.</summary>
    public static bool IsValidShootId(string? shootId) => shootId is not null && ShootIdPattern().IsMatch(shootId);

    /// <summary>
    /// A plain file name: letters, digits, spaces, dots, dashes, underscores, parentheses; no path separators,
    /// no "..", no control characters, no leading dot, at most 100 characters.
    /// </summary>
    public static string? ExplainBadPhotoName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "a photo name is empty";
        if (name.Length > 100) return $"the photo name '{name[..40]}…' is longer than 100 characters";
        if (name.Any(char.IsControl)) return "a photo name contains control characters";
        if (name.Contains('/') || name.Contains('\\')) return $"the photo name '{name}' contains a path separator; send the file name only";
        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('.')) return $"the photo name '{name}' starts with a dot or contains '..'";
        if (!PhotoNamePattern().IsMatch(name)) return $"the photo name '{name}' has characters other than letters, digits, spaces, '.', '-', '_', '(' and ')'";
        return null;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ShootIdPattern();

    [GeneratedRegex(@"^[\p{L}\p{N} ._()\-]+$")]
    private static partial Regex PhotoNamePattern();
}
