using System.Text.Json;
using System.Web;

namespace Headshots.Pipeline.Refine;

/// <summary>
/// Reads a refine request's fields from the gallery form (application/x-www-form-urlencoded) or a JSON object of
/// strings, so the page works without scripts and clients can send JSON.
/// </summary>
public static class RefineRequestReader
{
    public const int MaxBodyBytes = 16 * 1024;

    /// <returns>The fields, or an error saying what was wrong with the body.</returns>
    public static (Dictionary<string, string?>? Fields, string? Error) Read(string? contentType, string body)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (media == "application/x-www-form-urlencoded")
        {
            var form = HttpUtility.ParseQueryString(body);
            return (form.AllKeys.OfType<string>().ToDictionary(k => k, k => form[k], StringComparer.Ordinal), null);
        }
        if (media == "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object of edit fields.");
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.Null => null,
                        _ => throw new JsonException($"\"{property.Name}\" must be a string or a number."),
                    };
                }
                return (fields, null);
            }
            catch (JsonException e)
            {
                return (null, $"The body is not a valid request ({e.Message}). Send e.g. {{\"image\": \"corporate-grey-01\", \"clothes\": \"navy\"}}.");
            }
        }
        return (null, "Send the request as a form (application/x-www-form-urlencoded) or as JSON (application/json).");
    }
}
