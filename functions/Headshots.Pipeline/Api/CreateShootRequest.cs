namespace Headshots.Pipeline.Api;

/// <summary>Body of POST /api/shoots: the file names the client will upload, and optionally the email.</summary>
public sealed record CreateShootRequest(string? Email, string? Name, IReadOnlyList<string>? Photos);

public sealed record UploadTarget(string Name, Uri Url);

/// <summary>Answer to POST /api/shoots: where to PUT each photo and, last, the order.</summary>
public sealed record CreateShootResponse(string ShootId, DateTimeOffset ExpiresOn, IReadOnlyList<UploadTarget> Uploads, Uri OrderUrl, string StatusUrl);
