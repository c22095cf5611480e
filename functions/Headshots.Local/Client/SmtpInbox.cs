using System.Text.Json;

namespace Headshots.Local.Client;

/// <summary>Reads what the local SMTP server received, through its HTTP API.</summary>
public sealed class SmtpInbox(HttpClient http)
{
    public sealed record Message(string Id, string Subject, IReadOnlyList<string> To);

    public async Task<IReadOnlyList<Message>> ListAsync(CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync("api/messages?pageSize=500", cancellationToken);
        using var doc = JsonDocument.Parse(json);
        // smtp4dev answers either a plain array or a page object with "results".
        var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("results");
        return items.EnumerateArray().Select(m => new Message(
            m.GetProperty("id").ToString(),
            m.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "",
            m.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array ? to.EnumerateArray().Select(t => t.ToString()).ToList() : [])).ToList();
    }

    public Task<string> RawAsync(string id, CancellationToken cancellationToken) => http.GetStringAsync($"api/messages/{id}/raw", cancellationToken);

    /// <summary>The raw message sent for a shoot (found by its X-Headshots-Shoot header), waiting for it to arrive.</summary>
    public async Task<string?> FindForShootAsync(string shootId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + wait;
        var seen = new HashSet<string>();
        do
        {
            foreach (var message in await ListAsync(cancellationToken))
            {
                if (!seen.Add(message.Id)) continue;
                var raw = await RawAsync(message.Id, cancellationToken);
                if (raw.Contains($"X-Headshots-Shoot: {shootId}", StringComparison.Ordinal)) return raw;
            }
            await Task.Delay(250, cancellationToken);
        }
        while (DateTimeOffset.UtcNow < until);
        return null;
    }
}
