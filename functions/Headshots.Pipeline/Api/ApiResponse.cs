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

    static readonly IReadOnlyDictionary<string, string> PageHeaders = PageHeadersFor(null);

    /// <summary>
    /// Scripts only from the app's own /assets (never inline, never a third party); styles from the app plus the
    /// gallery's inline sheet (the same markup is the offline index.html). connect-src names the blob endpoint only
    /// on pages that upload straight to storage with a SAS.
    /// </summary>
    public static string ContentSecurityPolicy(string? uploadOrigin) =>
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"connect-src 'self'{(uploadOrigin is null ? "" : " " + uploadOrigin)}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static Dictionary<string, string> PageHeadersFor(string? uploadOrigin) => new()
    {
        ["Cache-Control"] = "private, no-store",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = ContentSecurityPolicy(uploadOrigin),
    };

    /// <summary>Written to the response instead of <see cref="Body"/> when set: large downloads are streamed, not buffered.</summary>
    public Func<Stream, CancellationToken, Task>? Stream { get; init; }

    public static ApiResponse FromJson(int status, object value) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Json), JsonHeaders);

    /// <summary>An RFC 9457 problem: what was wrong and what to do.</summary>
    public static ApiResponse Problem(int status, string title, string detail) =>
        new(status, "application/problem+json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(new { type = "about:blank", title, status, detail }, Json), JsonHeaders);

    /// <summary>A problem that is over after a while (429, 503): <c>Retry-After</c> says when to ask again, in whole seconds.</summary>
    public static ApiResponse Problem(int status, string title, string detail, TimeSpan retryAfter)
    {
        var problem = Problem(status, title, detail);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return problem with
        {
            Headers = new Dictionary<string, string>(problem.Headers) { ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
    }

    public static ApiResponse Page(int status, string html) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), PageHeaders);

    /// <summary>A page whose script uploads to <paramref name="uploadOrigin"/> (the blob endpoint) with a SAS.</summary>
    public static ApiResponse UploadPage(int status, string html, string uploadOrigin) =>
        new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), PageHeadersFor(uploadOrigin));

    /// <summary>A download written by <paramref name="write"/> as it is read (a ZIP of a whole gallery).</summary>
    public static ApiResponse Download(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) =>
        new(200, contentType, [], new Dictionary<string, string>
        {
            ["Cache-Control"] = "private, no-store",
            ["X-Content-Type-Options"] = "nosniff",
            ["Content-Disposition"] = $"attachment; filename=\"{fileName}\"",
        }) { Stream = write };

    /// <summary>303 See Other: after a form post, the browser loads the page instead of re-posting on reload.</summary>
    public static ApiResponse Redirect(string location) => new(303, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"See {location}"), new Dictionary<string, string>
    {
        ["Location"] = location,
        ["Cache-Control"] = "no-store",
    });

    static readonly IReadOnlyDictionary<string, string> FileHeaders = new Dictionary<string, string>
    {
        ["Cache-Control"] = "private, max-age=3600",
        ["X-Content-Type-Options"] = "nosniff",
    };

    public static ApiResponse File(byte[] content, string contentType) => new(200, contentType, content, FileHeaders);

    /// <summary>
    /// A stored file copied to the response as it is read (a 16 MP headshot is several MB): never held whole in
    /// memory. The response owns <paramref name="content"/> and disposes it.
    /// </summary>
    public static ApiResponse File(Stream content, long length, string contentType) =>
        new(200, contentType, [], new Dictionary<string, string>(FileHeaders) { ["Content-Length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            Stream = async (output, ct) =>
            {
                await using (content) await content.CopyToAsync(output, ct);
            },
        };
}
