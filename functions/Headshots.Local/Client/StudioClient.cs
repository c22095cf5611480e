using System.Net.Http.Json;
using System.Text.Json;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.Local.Client;

/// <summary>
/// A client of the studio exactly as any app would be: POST /api/shoots, PUT each photo to its SAS URL, PUT the order
/// last (that upload is what starts the shoot), then follow GET /api/shoots/{id}?t=… (the statusUrl it was given).
/// </summary>
/// <param name="accessCode">A private studio's Studio:AccessCode, sent with POST /api/shoots; null for a public studio.</param>
public sealed class StudioClient(HttpClient http, string? accessCode = null)
{
    /// <summary>A client of a studio this process runs: it sends that studio's own access code, if it has one.</summary>
    public static StudioClient For(Stack.LocalStack stack, HttpClient http) =>
        new(http, stack.Services.GetRequiredService<IOptions<StudioOptions>>().Value.AccessCode);

    public async Task<CreateShootResponse> CreateShootAsync(string email, IReadOnlyList<string> photoNames, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/shoots") { Content = JsonContent.Create(new { email, photos = photoNames }) };
        if (accessCode is not null) request.Headers.Add(Headshots.Pipeline.Limits.StudioAccess.Header, accessCode);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new StudioClientException($"The studio refused the shoot ({(int)response.StatusCode}): {Detail(body)}");
        return JsonSerializer.Deserialize<CreateShootResponse>(body, ApiResponse.Json)!;
    }

    public async Task UploadAsync(Uri sasUrl, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, sasUrl) { Content = new ByteArrayContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new StudioClientException($"Uploading to storage failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Uploads the photos (four at a time), then the order.</summary>
    public async Task<CreateShootResponse> SubmitAsync(string email, IReadOnlyList<string> looks, IReadOnlyList<(string Name, byte[] Content)> photos,
        Action<string>? onUploaded, CancellationToken cancellationToken)
    {
        var shoot = await CreateShootAsync(email, photos.Select(p => p.Name).ToList(), cancellationToken);
        await UploadBatchAsync(shoot.Uploads, photos, shoot.OrderUrl, new { email, looks }, onUploaded, cancellationToken);
        return shoot;
    }

    /// <summary>
    /// POST /api/shoots/{id}/reshoot?t=…, then the new photos and the order it hands back: a new shoot of the same
    /// order, from new photos.
    /// </summary>
    public async Task<ReshootResponse> ReshootAsync(string shootId, string statusToken, IReadOnlyList<(string Name, byte[] Content)> photos, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/shoots/{shootId}/reshoot?t={Uri.EscapeDataString(statusToken)}",
            new { photos = photos.Select(p => p.Name).ToList() }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new StudioClientException($"The studio refused the reshoot ({(int)response.StatusCode}): {Detail(body)}");
        var reshoot = JsonSerializer.Deserialize<ReshootResponse>(body, ApiResponse.Json)!;
        await UploadBatchAsync(reshoot.Uploads, photos, reshoot.OrderUrl, reshoot.Order, null, cancellationToken);
        return reshoot;
    }

    /// <summary>Uploads the photos (four at a time), then the order: its upload is what starts the shoot.</summary>
    public async Task UploadBatchAsync(IReadOnlyList<UploadTarget> targets, IReadOnlyList<(string Name, byte[] Content)> photos, Uri orderUrl, object order,
        Action<string>? onUploaded, CancellationToken cancellationToken)
    {
        var byName = photos.ToDictionary(p => p.Name, p => p.Content);
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (target, ct) =>
        {
            await UploadAsync(target.Url, byName[target.Name], ContentTypes.ForName(target.Name), ct);
            onUploaded?.Invoke(target.Name);
        });
        await UploadAsync(orderUrl, JsonSerializer.SerializeToUtf8Bytes(order, order.GetType(), ApiResponse.Json), "application/json", cancellationToken);
    }

    /// <param name="statusUrl">The status API with the shoot's token, as POST /api/shoots returned it (<c>/api/shoots/{id}?t=…</c>).</param>
    /// <returns>Null when the studio does not know the shoot or the token is not its own (both answer 404).</returns>
    public async Task<ShootStatus?> GetStatusAsync(string statusUrl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(statusUrl.TrimStart('/'), cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new StudioClientException($"Reading the shoot's status failed ({(int)response.StatusCode}): {Detail(body)}");
        return JsonSerializer.Deserialize<ShootStatus>(body, ApiResponse.Json);
    }

    /// <summary>Polls the status until the shoot is delivered or failed, reporting every change.</summary>
    /// <param name="statusUrl">The status API with the shoot's token, as POST /api/shoots returned it.</param>
    public async Task<ShootStatus> FollowAsync(string statusUrl, Action<ShootStatus> onChange, TimeSpan pollInterval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var shoot = ShootOf(statusUrl);
        string? last = null;
        try
        {
            while (true)
            {
                var status = await GetStatusAsync(statusUrl, deadline.Token)
                    ?? throw new StudioClientException($"The shoot {shoot} does not exist, or its status token is not the one the studio gave.");
                var key = $"{status.Status}/{status.Stage}/{status.Done}/{status.Total}";
                if (key != last) onChange(status);
                last = key;
                if (status.Status is "Delivered" or "Failed") return status;
                await Task.Delay(pollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StudioClientException($"The shoot {shoot} did not finish within {timeout.TotalMinutes:0} minutes (last: {last}).");
        }
    }

    /// <summary>The shoot id of a status URL, for messages: never the token.</summary>
    static string ShootOf(string statusUrl) => statusUrl.Split('?')[0].TrimEnd('/').Split('/')[^1];

    static string Detail(string problemJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(problemJson);
            return doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? problemJson : problemJson;
        }
        catch (JsonException)
        {
            return problemJson;
        }
    }
}

public sealed class StudioClientException(string message) : Exception(message);
