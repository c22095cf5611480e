namespace Headshots.Pipeline.Limits;

/// <summary>
/// Who sent a request, as the host saw it: the client's address (the key of its rate limit) and the studio access code
/// it sent, if any. Each host adapter builds it from its own request type.
/// </summary>
/// <param name="ClientAddress">The client's IP address; null when the host could not tell (such clients share one limit).</param>
/// <param name="AccessCode">The <see cref="StudioAccess.Header"/> header's value.</param>
public sealed record RequestOrigin(string? ClientAddress, string? AccessCode)
{
    /// <summary>A request from inside the process (tests, tools) that has no client address.</summary>
    public static RequestOrigin Unknown { get; } = new(null, null);
}
