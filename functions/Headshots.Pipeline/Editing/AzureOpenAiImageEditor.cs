using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// Edits through an Azure OpenAI image deployment's REST operations (images/edits, and images/generations when there
/// is no source image), keyless with an Entra ID token. Plain HttpClient rather than the SDK: Azure.AI.OpenAI 2.1.0's
/// ImageClient sends one image per edit, and the likeness needs the reference photos sent with it as image[].
/// One call per <see cref="EditAsync"/>; retrying is the caller's decision (<see cref="GenerativeEditRunner"/>).
/// </summary>
public sealed class AzureOpenAiImageEditor(
    HttpClient http,
    TokenCredential credential,
    IOptions<AzureOpenAIOptions> options,
    PromptTemplates prompts,
    TimeProvider clock,
    ILogger<AzureOpenAiImageEditor> logger) : IGenerativeEditor
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";
    public const string ModelSize = "1024x1024";

    /// <summary>Used when a 429 carries no retry-after header.</summary>
    static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    readonly SemaphoreSlim tokenLock = new(1, 1);
    AccessToken? token;

    public async Task<GenerativeEditResult> EditAsync(GenerativeEditRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (Validate(request) is { } invalid)
        {
            logger.LogWarning("Generative edit for shoot {ShootId} not sent: {Reason}", request.ShootId, invalid);
            return GenerativeEditResult.Failed(GenerativeEditFailure.Invalid, invalid);
        }

        string bearer;
        try
        {
            bearer = await BearerAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "No Entra ID token for Azure OpenAI (scope {Scope})", Scope);
            return GenerativeEditResult.Failed(GenerativeEditFailure.NotAuthorized, e.Message);
        }

        var prompt = prompts.Render(request.Kind, o.PromptVersion, request.Description);
        using var message = request.Image.Length == 0 ? GenerationRequest(o, prompt) : EditRequest(o, request, prompt);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        using var timeout = new CancellationTokenSource(o.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = clock.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var result = Interpret(response, body, o);
            logger.LogInformation(
                "Azure OpenAI {Operation} for shoot {ShootId} ({Kind}): HTTP {Status}, {Outcome} in {Seconds:0.0} s",
                request.Image.Length == 0 ? "generation" : "edit", request.ShootId, request.Kind, (int)response.StatusCode, result.Failure,
                clock.GetElapsedTime(started).TotalSeconds);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Azure OpenAI did not answer within {Timeout} for shoot {ShootId}", o.Timeout, request.ShootId);
            return GenerativeEditResult.Failed(GenerativeEditFailure.TimedOut, $"no answer within {o.Timeout}");
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "Azure OpenAI could not be reached for shoot {ShootId}", request.ShootId);
            return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, e.Message);
        }
    }

    static string? Validate(GenerativeEditRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Description)) return "the description is empty";
        if (request.Image.Length == 0) return request.Kind == GenerativeEditKind.Look ? null : "there is no image to edit";
        if (!PngHeader.TryReadSize(request.Image, out var w, out var h)) return "the image is not a PNG";
        if (request.Mask.Length == 0) return null;
        if (!PngHeader.TryReadSize(request.Mask, out var mw, out var mh)) return "the mask is not a PNG";
        return mw == w && mh == h ? null : $"the mask is {mw}×{mh} but the image is {w}×{h}";
    }

    HttpRequestMessage EditRequest(AzureOpenAIOptions o, GenerativeEditRequest request, string prompt)
    {
        var form = new MultipartFormDataContent();
        // With reference photos the images go as image[]; the mask applies to the first, the photo being edited.
        var images = new List<byte[]> { request.Image };
        images.AddRange(request.References);
        var field = images.Count > 1 ? "image[]" : "image";
        for (var i = 0; i < images.Count; i++)
        {
            form.Add(File(images[i], i == 0 ? "image.png" : $"reference-{i}{Extension(images[i])}"), field, i == 0 ? "image.png" : $"reference-{i}{Extension(images[i])}");
        }
        if (request.Mask.Length > 0) form.Add(File(request.Mask, "mask.png"), "mask", "mask.png");
        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent("1"), "n");
        form.Add(new StringContent(ModelSize), "size");
        form.Add(new StringContent(o.Quality), "quality");
        return new HttpRequestMessage(HttpMethod.Post, Operation(o, "edits")) { Content = form };
    }

    static HttpRequestMessage GenerationRequest(AzureOpenAIOptions o, string prompt) =>
        new(HttpMethod.Post, Operation(o, "generations"))
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { prompt, n = 1, size = ModelSize, quality = o.Quality }),
                System.Text.Encoding.UTF8, "application/json"),
        };

    public static Uri Operation(AzureOpenAIOptions o, string operation)
    {
        var root = o.Endpoint!.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/openai/deployments/{Uri.EscapeDataString(o.Deployment)}/images/{operation}?api-version={Uri.EscapeDataString(o.ApiVersion)}");
    }

    static ByteArrayContent File(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png");
        return content;
    }

    static string Extension(byte[] bytes) => bytes is [0xFF, 0xD8, ..] ? ".jpg" : ".png";

    GenerativeEditResult Interpret(HttpResponseMessage response, string body, AzureOpenAIOptions o)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.OK)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var data = json.RootElement.GetProperty("data");
                if (data.GetArrayLength() == 0) return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, "the answer had no image");
                var image = Convert.FromBase64String(data[0].GetProperty("b64_json").GetString() ?? "");
                if (image.Length == 0) return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, "the answer's image was empty");
                return GenerativeEditResult.Success(image, o.PricePerImage * data.GetArrayLength());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, $"unreadable answer: {e.Message}");
            }
        }

        var (code, innerCode, text) = Error(body);
        var detail = $"HTTP {(int)status} {code} {innerCode}: {text}".Trim();
        if (IsQuota(code, innerCode, text) && status is HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden)
        {
            return GenerativeEditResult.Failed(GenerativeEditFailure.QuotaExceeded, detail);
        }
        return status switch
        {
            HttpStatusCode.TooManyRequests => GenerativeEditResult.Failed(GenerativeEditFailure.Throttled, detail, RetryAfter(response) ?? DefaultRetryAfter),
            HttpStatusCode.BadRequest when IsContentFilter(code, innerCode) => GenerativeEditResult.Failed(GenerativeEditFailure.ContentFiltered, detail),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => GenerativeEditResult.Failed(GenerativeEditFailure.NotAuthorized, detail),
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => GenerativeEditResult.Failed(GenerativeEditFailure.TimedOut, detail),
            >= HttpStatusCode.InternalServerError => GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, detail, RetryAfter(response)),
            _ => GenerativeEditResult.Failed(GenerativeEditFailure.Invalid, detail),
        };
    }

    /// <summary>
    /// Azure's content filter answers 400 with code "contentFilter" (inner_error.code "ResponsibleAIPolicyViolation");
    /// OpenAI's image models answer "content_policy_violation" or, for gpt-image-1's moderation, "moderation_blocked".
    /// </summary>
    static bool IsContentFilter(string? code, string? innerCode) =>
        code is "contentFilter" or "content_filter" or "content_policy_violation" or "moderation_blocked"
        || innerCode is "ResponsibleAIPolicyViolation";

    static bool IsQuota(string? code, string? innerCode, string? text) =>
        code is "insufficient_quota" or "QuotaExceeded" || innerCode is "insufficient_quota" or "QuotaExceeded"
        || (text?.Contains("quota", StringComparison.OrdinalIgnoreCase) == true && text.Contains("exceeded", StringComparison.OrdinalIgnoreCase)
            && code is not "429" and not "RateLimitExceeded");

    static (string? Code, string? InnerCode, string? Message) Error(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object) return (null, null, body);
            var code = error.TryGetProperty("code", out var c) ? c.ToString() : null;
            var inner = error.TryGetProperty("inner_error", out var i) || error.TryGetProperty("innererror", out i)
                ? i.TryGetProperty("code", out var ic) ? ic.ToString() : null
                : null;
            var text = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            return (code, inner, text);
        }
        catch (JsonException)
        {
            return (null, null, body.Length > 200 ? body[..200] : body);
        }
    }

    /// <summary>retry-after-ms (Azure OpenAI's precise header), else Retry-After in seconds or as a date.</summary>
    TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }

    /// <summary>One token for many calls: the managed identity endpoint is slow and rate-limited itself.</summary>
    async Task<string> BearerAsync(CancellationToken cancellationToken)
    {
        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is not { } t || t.ExpiresOn - clock.GetUtcNow() < TimeSpan.FromMinutes(5))
            {
                t = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
                token = t;
            }
            if (string.IsNullOrEmpty(t.Token)) throw new InvalidOperationException("The credential returned an empty token.");
            return t.Token;
        }
        finally
        {
            tokenLock.Release();
        }
    }
}
