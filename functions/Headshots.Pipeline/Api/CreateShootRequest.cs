namespace Headshots.Pipeline.Api;

/// <summary>Body of POST /api/shoots: the file names the client will upload, and optionally the email.</summary>
public sealed record CreateShootRequest(string? Email, string? Name, IReadOnlyList<string>? Photos);

public sealed record UploadTarget(string Name, Uri Url);

/// <summary>Answer to POST /api/shoots: where to PUT each photo and, last, the order.</summary>
/// <param name="StatusUrl">The status API with the shoot's status token (<c>/api/shoots/{id}?t=…</c>): follow it as it is.</param>
/// <param name="StatusPage">The person's live status page, with the same expiring token.</param>
public sealed record CreateShootResponse(string ShootId, DateTimeOffset ExpiresOn, IReadOnlyList<UploadTarget> Uploads, Uri OrderUrl, string StatusUrl, string? StatusPage = null);

/// <summary>Body of POST /api/shoots/{id}/replacements?t=… and …/reshoot?t=…: the names of the new photos.</summary>
public sealed record ReplacementRequest(IReadOnlyList<string>? Photos);

/// <summary>Where to PUT the replacement photos and then the order again (its upload restarts the stopped shoot).</summary>
/// <param name="Order">The order as it was: upload it unchanged to <paramref name="OrderUrl"/>.</param>
public sealed record ReplacementResponse(string ShootId, DateTimeOffset ExpiresOn, IReadOnlyList<UploadTarget> Uploads, Uri OrderUrl, ReplacementOrder Order);

public sealed record ReplacementOrder(string? Email, string? Name, IReadOnlyList<string> Looks)
{
    /// <summary>The order a shoot was started with, as its row keeps it; <paramref name="defaultLooks"/> where it named none.</summary>
    public static ReplacementOrder Of(Storage.ShootEntity row, IReadOnlyList<string> defaultLooks) =>
        new(row.Email, row.Name, row.Looks is { Length: > 0 } looks ? looks.Split(',') : defaultLooks);
}

/// <summary>
/// Answer to POST /api/shoots/{id}/reshoot?t=…: the new shoot's uploads, status page and the order to upload last
/// (the first shoot's email and looks).
/// </summary>
/// <param name="ReshootsLeft">Reshoots the order may still start after this one.</param>
public sealed record ReshootResponse(string ShootId, DateTimeOffset ExpiresOn, IReadOnlyList<UploadTarget> Uploads, Uri OrderUrl, string StatusUrl,
    string? StatusPage, ReplacementOrder Order, int ReshootsLeft);

/// <summary>Answer to POST /api/shoots/{id}/resend?t=…: the email's state once sent again.</summary>
public sealed record ResendResponse(string ShootId, EmailStatus Email);
