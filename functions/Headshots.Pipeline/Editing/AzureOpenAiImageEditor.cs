using System.Globalization;
using System.Net;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using OpenAI.Images;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Editing;

/// <summary>
/// Edits and generates through an Azure OpenAI image deployment with the Azure.AI.OpenAI client (keyless: the
/// <see cref="AzureOpenAIClient"/> carries an Entra ID token from the credential). The images edits operation goes
/// through the client's protocol method with a multipart body we build, because its convenience methods send one
/// image and the likeness needs the person's photos sent as several image[] parts. One call per
/// <see cref="EditAsync"/> (the client's own retries are off); retrying is the caller's decision
/// (<see cref="GenerativeEditRunner"/>), except that a deployment refusing input_fidelity is asked once more without it.
/// </summary>
public sealed class AzureOpenAiImageEditor(
    ImageClient images,
    IOptions<AzureOpenAIOptions> options,
    PromptTemplates prompts,
    TimeProvider clock,
    ILogger<AzureOpenAiImageEditor> logger) : IGenerativeEditor
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";
    public const string ModelSize = ImageSizes.Square;

    /// <summary>Used when a 429 carries no retry-after header.</summary>
    static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>The client for <paramref name="o"/>'s deployment: the pinned API version, no retries of its own, no network timeout of its own.</summary>
    public static ImageClient CreateClient(AzureOpenAIOptions o, TokenCredential credential, PipelineTransport? transport = null)
    {
        var clientOptions = new AzureOpenAIClientOptions(ServiceVersion(o.ApiVersion))
        {
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = o.Timeout + TimeSpan.FromSeconds(30),
        };
        if (transport is not null) clientOptions.Transport = transport;
        return new AzureOpenAIClient(o.Endpoint!, credential, clientOptions).GetImageClient(o.Deployment);
    }

    static AzureOpenAIClientOptions.ServiceVersion ServiceVersion(string apiVersion) =>
        Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>()
            .FirstOrDefault(v => v.ToString()[1..].Replace('_', '-').Equals(apiVersion, StringComparison.OrdinalIgnoreCase),
                AzureOpenAIClientOptions.ServiceVersion.V2025_04_01_Preview);

    public async Task<GenerativeEditResult> EditAsync(GenerativeEditRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (Validate(request) is { } invalid)
        {
            logger.LogWarning("Generative edit for shoot {ShootId} not sent: {Reason}", request.ShootId, invalid);
            return GenerativeEditResult.Failed(GenerativeEditFailure.Invalid, invalid);
        }

        var prompt = request.Prompt ?? prompts.Render(request.Kind, o.PromptVersion, request.Description);
        var fidelity = request.InputFidelity && o.HighInputFidelity && request.References.Count + (request.Image.Length > 0 ? 1 : 0) > 0;
        var result = await SendAsync(request, prompt, fidelity, o, cancellationToken);
        if (fidelity && result.Failure == GenerativeEditFailure.Invalid && result.Detail?.Contains("input_fidelity", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Older deployments (dall-e, gpt-image-1-mini) refuse the field; the request is still worth making without it.
            logger.LogWarning("The deployment {Deployment} refused input_fidelity; asking again without it", o.Deployment);
            fidelity = false;
            result = await SendAsync(request, prompt, fidelity, o, cancellationToken);
        }
        if (request.References.Count > 0 && result.Failure == GenerativeEditFailure.Invalid && RefusesSeveralImages(result.Detail))
        {
            // Older models (dall-e-2) take one image: the best-ranked one alone still beats no edit at all.
            logger.LogWarning("The deployment {Deployment} refused several input images; asking again with the first only", o.Deployment);
            result = await SendAsync(request with { References = [] }, prompt, fidelity, o, cancellationToken);
        }
        return result;
    }

    async Task<GenerativeEditResult> SendAsync(GenerativeEditRequest request, string prompt, bool fidelity, AzureOpenAIOptions o, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(o.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = clock.GetTimestamp();
        var operation = request.Image.Length == 0 ? "generation" : "edit";
        try
        {
            var requestOptions = new RequestOptions { ErrorOptions = ClientErrorBehaviors.NoThrow, CancellationToken = linked.Token };
            ClientResult answer;
            if (request.Image.Length == 0)
            {
                answer = await images.GenerateImagesAsync(
                    BinaryContent.Create(BinaryData.FromObjectAsJson(new { prompt, n = 1, size = request.Size, quality = request.Quality ?? o.Quality })),
                    requestOptions);
            }
            else
            {
                using var form = EditForm(request, prompt, fidelity, o);
                var body = await form.ReadAsByteArrayAsync(linked.Token);
                answer = await images.GenerateImageEditsAsync(BinaryContent.Create(BinaryData.FromBytes(body)), form.Headers.ContentType!.ToString(), requestOptions);
            }
            var response = answer.GetRawResponse();
            var result = Interpret(response, request, o);
            logger.LogInformation(
                "Azure OpenAI {Operation} for shoot {ShootId} ({Kind}, {Images} image(s), {Size}): HTTP {Status}, {Outcome} in {Seconds:0.0} s",
                operation, request.ShootId, request.Kind, ImageCount(request), request.Size, response.Status, result.Failure,
                clock.GetElapsedTime(started).TotalSeconds);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Azure OpenAI did not answer within {Timeout} for shoot {ShootId}", o.Timeout, request.ShootId);
            return GenerativeEditResult.Failed(GenerativeEditFailure.TimedOut, $"no answer within {o.Timeout}");
        }
        catch (AuthenticationFailedException e)
        {
            logger.LogError(e, "No Entra ID token for Azure OpenAI (scope {Scope})", Scope);
            return GenerativeEditResult.Failed(GenerativeEditFailure.NotAuthorized, e.Message);
        }
        catch (ClientResultException e)
        {
            logger.LogWarning(e, "Azure OpenAI could not be reached for shoot {ShootId}", request.ShootId);
            return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, e.Message);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "Azure OpenAI could not be reached for shoot {ShootId}", request.ShootId);
            return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, e.Message);
        }
    }

    /// <summary>A 400 that names the image field as a list or says one image only (how older image models refuse image[]).</summary>
    static bool RefusesSeveralImages(string? detail) =>
        detail is not null
        && (detail.Contains("image[]", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("one image", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("single image", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("multiple images", StringComparison.OrdinalIgnoreCase));

    static int ImageCount(GenerativeEditRequest request) => request.References.Count + (request.Image.Length > 0 ? 1 : 0);

    static string? Validate(GenerativeEditRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt ?? request.Description)) return "the description is empty";
        if (request.Size is not (ImageSizes.Square or ImageSizes.Portrait or ImageSizes.Landscape)) return $"the size {request.Size} is not one the models make";
        if (request.References.Count + 1 > 16) return "more than 16 images";
        if (request.Image.Length == 0) return request.Kind == GenerativeEditKind.Look ? null : "there is no image to edit";
        if (request.Mask.Length == 0) return null;
        if (!PngHeader.TryReadSize(request.Image, out var w, out var h)) return "an image with a mask must be a PNG";
        if (!PngHeader.TryReadSize(request.Mask, out var mw, out var mh)) return "the mask is not a PNG";
        return mw == w && mh == h ? null : $"the mask is {mw}×{mh} but the image is {w}×{h}";
    }

    static MultipartFormDataContent EditForm(GenerativeEditRequest request, string prompt, bool fidelity, AzureOpenAIOptions o)
    {
        var form = new MultipartFormDataContent();
        // With reference photos the images go as image[], in the order given (best first); the mask applies to the first.
        var all = new List<byte[]> { request.Image };
        all.AddRange(request.References);
        var field = all.Count > 1 ? "image[]" : "image";
        for (var i = 0; i < all.Count; i++)
        {
            var name = i == 0 ? $"image{Extension(all[i])}" : $"reference-{i}{Extension(all[i])}";
            form.Add(File(all[i], name), field, name);
        }
        if (request.Mask.Length > 0) form.Add(File(request.Mask, "mask.png"), "mask", "mask.png");
        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent("1"), "n");
        form.Add(new StringContent(request.Size), "size");
        form.Add(new StringContent(request.Quality ?? o.Quality), "quality");
        if (fidelity) form.Add(new StringContent("high"), "input_fidelity");
        return form;
    }

    static ByteArrayContent File(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png");
        return content;
    }

    static string Extension(byte[] bytes) => bytes is [0xFF, 0xD8, ..] ? ".jpg" : ".png";

    GenerativeEditResult Interpret(PipelineResponse response, GenerativeEditRequest request, AzureOpenAIOptions o)
    {
        var status = (HttpStatusCode)response.Status;
        var body = response.Content.ToString();
        if (status == HttpStatusCode.OK)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var data = json.RootElement.GetProperty("data");
                if (data.GetArrayLength() == 0) return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, "the answer had no image");
                var image = Convert.FromBase64String(data[0].GetProperty("b64_json").GetString() ?? "");
                if (image.Length == 0) return GenerativeEditResult.Failed(GenerativeEditFailure.ServerError, "the answer's image was empty");
                var cost = (o.Prices.For(request.Quality ?? o.Quality, request.Size) * data.GetArrayLength()) + (o.PricePerInputImage * ImageCount(request));
                return GenerativeEditResult.Success(image, cost);
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
    TimeSpan? RetryAfter(PipelineResponse response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }
}
