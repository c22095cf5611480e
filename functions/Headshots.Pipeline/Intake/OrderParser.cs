using System.Net.Mail;
using System.Text.Json;
using Headshots.Jobs.Looks;

namespace Headshots.Pipeline.Intake;

/// <summary>Reads and validates an order; every problem is named, so the person knows what to fix.</summary>
public static class OrderParser
{
    public const int MaxOrderBytes = 64 * 1024;

    public static OrderParseResult Parse(ReadOnlySpan<byte> json, IReadOnlyList<string> defaultLooks)
    {
        if (json.Length == 0) return OrderParseResult.Invalid("order.json is empty; it must be a JSON object with an \"email\" field.");
        if (json.Length > MaxOrderBytes) return OrderParseResult.Invalid($"order.json is {json.Length} bytes; the limit is {MaxOrderBytes}.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            return OrderParseResult.Invalid($"order.json is not valid JSON ({e.Message}).");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return OrderParseResult.Invalid("order.json must be a JSON object, like {\"email\": \"you@example.com\", \"looks\": [\"corporate-grey\"]}.");
            }
            var root = doc.RootElement;
            var errors = new List<string>();
            string? email = null;
            if (!root.TryGetProperty("email", out var emailElement) || emailElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(emailElement.GetString()))
            {
                errors.Add("the \"email\" field is missing; it is where the gallery link is sent");
            }
            else
            {
                email = emailElement.GetString()!.Trim();
                if (!IsEmailAddress(email)) errors.Add($"\"{email}\" is not an email address");
            }

            string? name = null;
            if (root.TryGetProperty("name", out var nameElement))
            {
                if (nameElement.ValueKind != JsonValueKind.String) errors.Add("\"name\" must be text");
                else name = nameElement.GetString()!.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 100)] : null;
            }

            var looks = new List<string>();
            if (root.TryGetProperty("looks", out var looksElement) && looksElement.ValueKind != JsonValueKind.Null)
            {
                if (looksElement.ValueKind != JsonValueKind.Array)
                {
                    errors.Add("\"looks\" must be a list of look names");
                }
                else
                {
                    foreach (var look in looksElement.EnumerateArray())
                    {
                        var id = look.ValueKind == JsonValueKind.String ? look.GetString() : null;
                        if (id is null || LookCatalog.Find(id) is null)
                        {
                            errors.Add($"\"{(id ?? look.GetRawText())}\" is not a look; choose from {string.Join(", ", LookCatalog.All.Select(l => l.Id))}");
                        }
                        else if (!looks.Contains(id))
                        {
                            looks.Add(id);
                        }
                    }
                }
            }
            if (looks.Count == 0) looks.AddRange(defaultLooks);

            return errors.Count > 0
                ? new OrderParseResult(null, "order.json: " + string.Join("; ", errors) + ".", email is not null && IsEmailAddress(email) ? email : null)
                : new OrderParseResult(new ShootOrder(email!, name, looks), null, email);
        }
    }

    public static bool IsEmailAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 254 || text.Any(char.IsWhiteSpace) || text.Any(char.IsControl)) return false;
        if (!MailAddress.TryCreate(text, out var address)) return false;
        // MailAddress accepts display-name forms and dotless hosts; a delivery address needs neither.
        return address.Address == text && address.Host.Contains('.') && !address.Host.EndsWith('.');
    }
}

/// <summary>The parsed order, or why it cannot be used (and the address to tell, when one was readable).</summary>
public sealed record OrderParseResult(ShootOrder? Order, string? Error, string? ReachableEmail)
{
    public static OrderParseResult Invalid(string error) => new(null, error, null);
}
