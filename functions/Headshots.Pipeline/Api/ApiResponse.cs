using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Headshots.Pipeline.Api;

/// <summary>A framework-neutral HTTP response: the Functions app and the local runtime each write it their own way.</summary>
public sealed record ApiResponse(int StatusCode, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    static readonly IReadOnlyDictionary<string, string> JsonHeaders = new Dictionary<string, string>
    {
        ["Cache-Control"] = "no-store",
        ["X-Content-Type-Options"] = "nosniff",
    };

    static readonly IReadOnlyDictionary<string, string> PageHeaders = new Dictionary<string, string>
    {
        ["Cache-Control"] = "private, no-store",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
        // No scripts at all on these pages; inline styles only.
        ["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    };

    public static ApiResponse FromJson(int status, object value) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Json), JsonHeaders);

    /// <summary>An RFC 9457 problem: what was wrong and what to do.</summary>
    public static ApiResponse Problem(int status, string title, string detail) =>
        new(status, "application/problem+json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(new { type = "about:blank", title, status, detail }, Json), JsonHeaders);

    public static ApiResponse Page(int status, string html) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), PageHeaders);

    /// <summary>303 See Other: after a form post, the browser loads the page instead of re-posting on reload.</summary>
    public static ApiResponse Redirect(string location) => new(303, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"See {location}"), new Dictionary<string, string>
    {
        ["Location"] = location,
        ["Cache-Control"] = "no-store",
    });

    public static ApiResponse File(byte[] content, string contentType) => new(200, contentType, content, new Dictionary<string, string>
    {
        ["Cache-Control"] = "private, max-age=3600",
        ["X-Content-Type-Options"] = "nosniff",
    });
}
