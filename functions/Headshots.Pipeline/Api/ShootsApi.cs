using Headshots.Pipeline.Delivery;
using System.Text.Json;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Headshots.Pipeline.Web;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Api;

/// <summary>POST /api/shoots, GET /api/shoots/{id}, and the status page with its replacement and reshoot requests.</summary>
public sealed class ShootsApi(
    StorageClients storage,
    ShootStore shoots,
    PhotoStore photos,
    UploadSasIssuer sas,
    ShootRegistration registration,
    ReshootRequests reshoots,
    OrderTrainings trainings,
    IOptions<PipelineOptions> options,
    IOptions<GenerationOptions> generation,
    IOptions<EditingOptions> editing,
    GalleryManifestStore manifests,
    ShootNotifier notifier,
    CreationGate gate,
    StudioAccess access,
    OrderEraser orderEraser,
    IOptions<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<ShootsApi> logger)
{
    /// <summary>A resend this soon after the last email is refused: one click is enough, and the inbox is the person's.</summary>
    static readonly TimeSpan ResendPause = TimeSpan.FromMinutes(1);

    public const int MaxBodyBytes = 64 * 1024;

    /// <param name="origin">Who asked: the rate limit, the access code and the caps are checked before anything is created.</param>
    public async Task<ApiResponse> CreateAsync(string body, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (gate.Admit(origin, "POST /api/shoots") is { } limited) return limited;
        CreateShootRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CreateShootRequest>(body, ApiResponse.Json);
        }
        catch (JsonException e)
        {
            return ApiResponse.Problem(400, "The request is not valid JSON",
                $"The body is not valid JSON ({e.Message}). Send a JSON object like {{\"email\": \"you@example.com\", \"photos\": [\"IMG_0001.jpg\"]}}.");
        }
        if (request is null) return ApiResponse.Problem(400, "The request is empty", "Send a JSON object with a \"photos\" list of file names.");

        var names = request.Photos ?? [];
        var problems = registration.Problems(names).ToList();
        if (request.Email is not null && !OrderParser.IsEmailAddress(request.Email)) problems.Add($"\"{request.Email}\" is not an email address");
        if (problems.Count > 0) return ApiResponse.Problem(400, "The shoot cannot be created", string.Join("; ", problems) + ".");
        if (await gate.AdmitShootAsync(origin, request.Email, cancellationToken) is { } refused) return refused;

        var shoot = await registration.RegisterAsync(names, row =>
        {
            row.Email = request.Email;
            row.Name = request.Name;
        }, cancellationToken);
        return ApiResponse.FromJson(201, shoot);
    }

    /// <summary>GET /: the start page, which uploads straight to the blob endpoint.</summary>
    public ApiResponse StartPage() => ApiResponse.UploadPage(200, StartPageRenderer.Render(options.Value.DefaultLooks,
        photosSentToCloud: generation.Value.Engine == GenerationOptions.AzureOpenAi || editing.Value.GenerativeEditsAvailable, askAccessCode: access.Required), BlobOrigin);

    /// <summary>GET /s/{id}?t=…: the person's live status page.</summary>
    public async Task<ApiResponse> StatusPageAsync(string shootId, string? token, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (row, notAvailable) = await OpenWithTokenAsync(shootId, token, cancellationToken);
        if (row is null) return ApiResponse.Page(notAvailable, StatusPageRenderer.RenderNotAvailable(notAvailable == 410));
        var status = await ShootStatusReader.ReadAsync(row, await photos.ListAsync(shootId, cancellationToken), privacy.Value.ErasedOn(row.CreatedAt), client, cancellationToken);
        // Known before delivery too: a page open while the shoot runs offers the reshoot as soon as it is delivered.
        var reshootsLeft = await trainings.LeftAsync(row, cancellationToken);
        var order = await orderEraser.ListAsync(row, cancellationToken);
        return ApiResponse.UploadPage(200, StatusPageRenderer.Render(status, token!, options.Value.MinAcceptedPhotos, reshootsLeft, order), BlobOrigin);
    }

    /// <summary>
    /// POST /api/shoots/{id}/reshoot?t=…: after delivery, a new shoot under the same order, from new photos (a new
    /// likeness profile). Answers with its uploads and status page; uploading its order starts it.
    /// </summary>
    public async Task<ApiResponse> ReshootAsync(string shootId, string? token, string? body, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (gate.Admit(origin, "POST /api/shoots/{id}/reshoot") is { } limited) return limited;
        var (row, names, problem) = await OpenPhotoRequestAsync(shootId, token, body, cancellationToken);
        if (problem is not null) return problem;
        if (row!.Status == ShootStatuses.Delivered && await gate.AdmitReshootAsync(row.Email, cancellationToken) is { } refused) return refused;
        try
        {
            return ApiResponse.FromJson(201, await reshoots.StartAsync(row!, names, cancellationToken));
        }
        catch (ReshootRefusedException e)
        {
            return ApiResponse.Problem(e.Status, e.Title, e.Detail);
        }
    }

    /// <summary>
    /// POST /api/shoots/{id}/replacements?t=…: a shoot that stopped (too few usable photos, a bad order) gets SAS URLs
    /// for new photos beside the old ones and for the order; uploading the order again restarts it.
    /// </summary>
    public async Task<ApiResponse> ReplacementsAsync(string shootId, string? token, string? body, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (gate.Admit(origin, "POST /api/shoots/{id}/replacements") is { } limited) return limited;
        var (row, names, problem) = await OpenPhotoRequestAsync(shootId, token, body, cancellationToken);
        if (problem is not null) return problem;
        if (row!.Status != ShootStatuses.Failed)
        {
            return ApiResponse.Problem(409, "The shoot has not stopped", $"Replacement photos are for a shoot that stopped; this one is {row.Status}.");
        }
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var uploads = storage.Container(StorageNames.UploadsContainer);
        await foreach (var blob in uploads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, UploadLayout.PhotosPrefix(shootId), cancellationToken))
        {
            existing.Add(blob.Name[UploadLayout.PhotosPrefix(shootId).Length..]);
        }
        var problems = new List<string>();
        if (names.Count == 0) problems.Add("\"photos\" must list the file names of the replacement photos");
        if (existing.Count + names.Count > options.Value.MaxUploads)
        {
            problems.Add($"a shoot takes at most {options.Value.MaxUploads} photos in all, and {existing.Count} are already uploaded");
        }
        problems.AddRange(names.Select(UploadLayout.ExplainBadPhotoName).OfType<string>().Distinct());
        var taken = names.Where(existing.Contains).Concat(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (taken.Count > 0) problems.Add($"these names are already used in this shoot: {string.Join(", ", taken)}; rename the files");
        if (problems.Count > 0) return ApiResponse.Problem(400, "The replacements cannot be accepted", string.Join("; ", problems) + ".");

        await shoots.UpdateAsync(shootId, r =>
        {
            r.RestartRequested = true;
            r.PhotosUploaded = existing.Count + names.Count;
        }, cancellationToken);
        var lifetime = options.Value.UploadSasLifetime;
        var blobs = names.Select(n => uploads.GetBlobClient(UploadLayout.PhotoBlob(shootId, n)))
            .Append(uploads.GetBlobClient(UploadLayout.OrderBlob(shootId))).ToList();
        var urls = await sas.IssueAsync(storage.Blobs, blobs, lifetime, cancellationToken);
        return ApiResponse.FromJson(200, new ReplacementResponse(shootId, clock.GetUtcNow() + lifetime,
            names.Select((n, i) => new UploadTarget(n, urls[i])).ToList(), urls[^1], ReplacementOrder.Of(row, options.Value.DefaultLooks)));
    }

    /// <summary>
    /// Opens a shoot with its status token and reads a {"photos": [...]} body, as the replacement and reshoot requests
    /// send; on failure, the answer that says what was wrong.
    /// </summary>
    async Task<(ShootEntity? Row, IReadOnlyList<string> Photos, ApiResponse? Problem)> OpenPhotoRequestAsync(
        string shootId, string? token, string? body, CancellationToken cancellationToken)
    {
        var (row, notAvailable) = await OpenWithTokenAsync(shootId, token, cancellationToken);
        if (row is null)
        {
            return (null, [], notAvailable == 410
                ? ApiResponse.Problem(410, "This status link has expired", "Start a new shoot.")
                : ApiResponse.Problem(404, "No such shoot", "Use the whole status link you were given when you uploaded your photos."));
        }
        if (body is null) return (row, [], ApiResponse.Problem(413, "The request is too large", $"Send at most {MaxBodyBytes} bytes of JSON."));
        try
        {
            return (row, JsonSerializer.Deserialize<ReplacementRequest>(body, ApiResponse.Json)?.Photos ?? [], null);
        }
        catch (JsonException e)
        {
            return (row, [], ApiResponse.Problem(400, "The request is not valid JSON", $"Send {{\"photos\": [\"IMG_0002.jpg\"]}} ({e.Message})."));
        }
    }

    /// <summary>
    /// POST /api/shoots/{id}/resend?t=…: sends the shoot's email again now (the gallery link, or why it stopped), for a
    /// person whose email was not sent or went astray; <c>./headshots resend</c> calls it for the operator.
    /// </summary>
    public async Task<ApiResponse> ResendEmailAsync(string shootId, string? token, RequestOrigin origin, CancellationToken cancellationToken)
    {
        if (gate.Admit(origin, "POST /api/shoots/{id}/resend") is { } limited) return limited;
        var (row, notAvailable) = await OpenWithTokenAsync(shootId, token, cancellationToken);
        if (row is null) return TokenProblem(notAvailable, "POST /api/shoots/{id}/resend?t=TOKEN");
        if (row.Status is not (ShootStatuses.Delivered or ShootStatuses.Failed) || row.Email is null)
        {
            return ApiResponse.Problem(409, "There is no email to send yet", $"The email goes out when the shoot ends; it is {row.Status}.");
        }
        if (row.EmailSentAt is { } sentAt && clock.GetUtcNow() - sentAt < ResendPause)
        {
            return ApiResponse.Problem(429, "The email was just sent", "Look in your inbox (and its spam folder); ask again in a minute if it is not there.",
                ResendPause - (clock.GetUtcNow() - sentAt));
        }
        try
        {
            await notifier.ResendAsync(row, cancellationToken);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or MailKit.CommandException or MailKit.ProtocolException)
        {
            logger.LogWarning("Shoot {ShootId}: resending the email failed: {Error}", shootId, e.Message);
            return ApiResponse.Problem(503, "Our mail server is not answering", "Nothing is lost; ask again later.", TimeSpan.FromMinutes(5));
        }
        logger.LogInformation("Shoot {ShootId}: the email was sent again on request", shootId);
        var updated = await shoots.GetAsync(shootId, cancellationToken);
        return ApiResponse.FromJson(200, new ResendResponse(shootId, ShootStatusReader.Email(updated ?? row)!));
    }

    /// <summary>
    /// The API's answer when the status token does not open the shoot: the same 404 whether the shoot is unknown or the
    /// token missing or wrong (it does not tell which shoots exist), 410 once it has expired; both say what to send.
    /// </summary>
    ApiResponse TokenProblem(int notAvailable, string request) => notAvailable == 410
        ? ApiResponse.Problem(410, "This status link has expired",
            $"Status tokens are valid {options.Value.StatusTokenDays} days; the gallery link in your email stays valid.")
        : ApiResponse.Problem(404, "No such shoot, or the status token is missing or wrong",
            $"Ask with the shoot's status token: {request} (the same t as in the status page's link).");

    /// <summary>The blob endpoint's origin, which the pages' scripts upload to (their CSP's connect-src).</summary>
    string BlobOrigin => storage.Blobs.Uri.GetLeftPart(UriPartial.Authority);

    /// <returns>The shoot's row when the token opens it; otherwise null and 404 (unknown, wrong) or 410 (expired).</returns>
    async Task<(ShootEntity? Row, int NotAvailable)> OpenWithTokenAsync(string shootId, string? token, CancellationToken cancellationToken)
    {
        if (!UploadLayout.IsValidShootId(shootId) || !SecretTokens.LooksLikeToken(token)) return (null, 404);
        var row = await shoots.GetAsync(shootId, cancellationToken);
        if (row is null || !SecretTokens.Matches(row.StatusTokenHash, token)) return (null, 404);
        return row.StatusTokenExpiresAt is { } expires && expires > clock.GetUtcNow() ? (row, 0) : (null, 410);
    }

    /// <summary>
    /// GET /api/shoots/{id}?t=…: the same token as the status page, so the status (verdicts, stages, the gallery's
    /// images) is only ever read by whoever holds the link. No token and a wrong one answer alike, so the answer does
    /// not tell whether a shoot exists.
    /// </summary>
    public async Task<ApiResponse> GetStatusAsync(string shootId, string? token, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (row, notAvailable) = await OpenWithTokenAsync(shootId, token, cancellationToken);
        if (row is null) return TokenProblem(notAvailable, "GET /api/shoots/{id}?t=TOKEN, the statusUrl that POST /api/shoots returned");
        var status = await ShootStatusReader.ReadAsync(row, await photos.ListAsync(shootId, cancellationToken), privacy.Value.ErasedOn(row.CreatedAt), client, cancellationToken);
        if (row.Status == ShootStatuses.Delivered && await manifests.ReadAsync(shootId, cancellationToken) is { } manifest)
        {
            status = status with { Images = ShootStatusReader.Images(manifest) };
        }
        return ApiResponse.FromJson(200, status);
    }
}
