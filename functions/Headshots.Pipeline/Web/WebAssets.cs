using System.Collections.Frozen;
using System.Security.Cryptography;
using Headshots.Pipeline.Api;

namespace Headshots.Pipeline.Web;

/// <summary>
/// The pages' CSS and scripts, embedded in this assembly and served by the app itself at /assets/{file} (no CDN,
/// no build step). URLs carry a content hash, so they can be cached for a year and still change with a release.
/// </summary>
public static class WebAssets
{
    const string Prefix = "web-assets/";

    sealed record Asset(byte[] Content, string ContentType, string Version);

    static readonly FrozenDictionary<string, Asset> All = Load();

    static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["Cache-Control"] = "public, max-age=31536000, immutable",
        ["X-Content-Type-Options"] = "nosniff",
    };

    public static IReadOnlyCollection<string> Files => All.Keys;

    /// <summary>The versioned URL a page links to.</summary>
    public static string Url(string file) => $"/assets/{file}?v={All[file].Version}";

    public static ApiResponse Serve(string file) =>
        All.TryGetValue(file, out var asset)
            ? new ApiResponse(200, asset.ContentType, asset.Content, Headers)
            : ApiResponse.Problem(404, "No such file", "The app serves only its own stylesheet and scripts here.");

    static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var file = name[Prefix.Length..];
            var type = Path.GetExtension(file) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            assets[file] = new Asset(content, type, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
