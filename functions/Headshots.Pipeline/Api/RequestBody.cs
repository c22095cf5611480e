namespace Headshots.Pipeline.Api;

/// <summary>Reads a request body as text, refusing more than a limit without buffering the excess.</summary>
public static class RequestBody
{
    /// <returns>The text, or null when the body is longer than <paramref name="limit"/> characters.</returns>
    public static async Task<string?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[limit + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read > limit ? null : new string(buffer, 0, read);
    }
}
