namespace Headshots.Pipeline.Api;

/// <summary>What GET /api/shoots/{id} returns.</summary>
public sealed record ShootStatus(
    string ShootId,
    string Status,
    string Stage,
    int Done,
    int Total,
    IReadOnlyList<string> Stages,
    string? Error,
    int PhotosUploaded,
    int PhotosAccepted,
    int Delivered,
    IReadOnlyList<PhotoStatus> Photos,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PhotoStatus(string Name, bool Accepted, string? Code, string? Reason, string? Tip, int Width, int Height);
