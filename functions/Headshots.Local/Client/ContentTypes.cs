namespace Headshots.Local.Client;

internal static class ContentTypes
{
    /// <summary>A hint for storage only: the studio identifies every upload by its content, never by this.</summary>
    public static string ForName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".heic" => "image/heic",
        ".heif" => "image/heif",
        ".avif" => "image/avif",
        _ => "application/octet-stream",
    };
}
