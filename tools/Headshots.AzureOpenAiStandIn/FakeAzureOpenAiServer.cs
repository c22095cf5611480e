using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Headshots.Pipeline.Editing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Headshots.AzureOpenAiStandIn;

/// <summary>
/// An in-process stand-in for an Azure OpenAI account's image operations, on Kestrel at 127.0.0.1 and a free port:
/// POST /openai/deployments/{deployment}/images/edits (multipart) and /images/generations (JSON), with the documented
/// request rules checked (bearer token, api-version, multipart fields, mask the same size as the image) and scripted
/// answers: success, 429 with a retry-after, 400 content filter, quota, 500, and a slow answer.
/// </summary>
public sealed class FakeAzureOpenAiServer : IAsyncDisposable
{
    public const string Token = "test-entra-token";
    public const string Deployment = "image-edit";

    readonly WebApplication app;
    readonly ConcurrentQueue<Func<HttpContext, Task>> script = new();

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>What a successful answer carries, unless <see cref="Render"/> says otherwise.</summary>
    public byte[] ResultImage { get; } = TestPng.Create(1024, 1024);

    /// <summary>Makes the answer's image from the call (e.g. a reference photo recoloured, or someone else's face); null for <see cref="ResultImage"/>.</summary>
    public Func<ReceivedCall, byte[]>? Render { get; set; }

    /// <summary>Answer as an older deployment does that does not know input_fidelity: 400 naming the parameter.</summary>
    public bool RefuseInputFidelity { get; set; }

    /// <summary>Answer as an older model does that takes one image: 400 for image[] with several parts.</summary>
    public bool RefuseSeveralImages { get; set; }

    /// <summary>How long each answer takes (a realistic latency for benchmarks); zero by default.</summary>
    public TimeSpan Latency { get; set; }

    FakeAzureOpenAiServer(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeAzureOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAzureOpenAiServer(app);
        app.MapPost("/openai/deployments/{deployment}/images/{operation}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public void Then(Func<HttpContext, Task> answer) => script.Enqueue(answer);

    public void ThenThrottle(string header, string value) => Then(c =>
    {
        c.Response.Headers[header] = value;
        return Error(c, 429, "429", "Requests to the Images_Edit Operation have exceeded call rate limit of your current pricing tier.");
    });

    public void ThenAzureContentFilter() => Then(c => Json(c, 400, new
    {
        error = new
        {
            code = "contentFilter",
            message = "Your task failed as a result of our safety system.",
            inner_error = new { code = "ResponsibleAIPolicyViolation", content_filter_results = new { sexual = new { filtered = true, severity = "high" } } },
        },
    }));

    public void ThenOpenAiError(int status, string code, string message = "refused") => Then(c => Error(c, status, code, message));

    public void ThenServerError() => Then(c => Error(c, 500, "InternalServerError", "The server had an error while processing your request."));

    public void ThenSlow(TimeSpan delay) => Then(async c =>
    {
        await Task.Delay(delay, c.RequestAborted);
        await Success(c);
    });

    async Task HandleAsync(HttpContext context, string deployment, string operation)
    {
        var call = new ReceivedCall(operation, context.Request.Headers.Authorization.ToString(), context.Request.Query["api-version"].ToString());
        Calls.Enqueue(call);
        if (call.Authorization != $"Bearer {Token}")
        {
            await Error(context, 401, "401", "Access denied due to invalid subscription key or wrong API endpoint.");
            return;
        }
        if (deployment != Deployment)
        {
            await Error(context, 404, "DeploymentNotFound", "The API deployment for this resource does not exist.");
            return;
        }
        if (string.IsNullOrEmpty(call.ApiVersion))
        {
            await Error(context, 404, "404", "Resource not found");
            return;
        }

        if (operation is not ("edits" or "generations"))
        {
            await Error(context, 404, "404", "Resource not found");
            return;
        }
        var invalid = operation == "edits" ? await ValidateEditAsync(context, call) : await ValidateGenerationAsync(context, call);
        if (invalid is null && RefuseSeveralImages && call.ImageCount > 1)
        {
            call.Rejected = "image[]";
            await Json(context, 400, new { error = new { code = "invalid_request_error", message = "This model accepts a single image; 'image[]' with several files is not supported.", param = "image", type = "invalid_request_error" } });
            return;
        }
        if (invalid is null && RefuseInputFidelity && call.Fields.ContainsKey("input_fidelity"))
        {
            call.Rejected = "input_fidelity";
            await Json(context, 400, new { error = new { code = "unknown_parameter", message = "Unknown parameter: 'input_fidelity'.", param = "input_fidelity", type = "invalid_request_error" } });
            return;
        }
        if (invalid is not null)
        {
            call.Rejected = invalid;
            await Error(context, 400, "invalid_request_error", invalid);
            return;
        }

        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
        await (script.TryDequeue(out var answer) ? answer(context) : Success(context, call));
    }

    static async Task<string?> ValidateEditAsync(HttpContext context, ReceivedCall call)
    {
        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            return "The edits operation takes multipart/form-data.";
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        foreach (var (key, value) in form) call.Fields[key] = value.ToString();
        var images = form.Files.GetFiles("image[]").Concat(form.Files.GetFiles("image")).ToList();
        call.ImageCount = images.Count;
        call.ImageField = form.Files.GetFiles("image[]").Count > 0 ? "image[]" : "image";
        foreach (var image in images) call.Images.Add(await ReadAsync(image));
        if (images.Count == 0) return "'image' is a required property.";
        if (call.Images.Any(i => !(PngHeader.TryReadSize(i, out _, out _) || i is [0xFF, 0xD8, ..] || i is [(byte)'R', (byte)'I', (byte)'F', (byte)'F', ..])))
        {
            return "Invalid image file: images must be PNG, JPEG or WebP.";
        }
        if (images.Count > 16) return "At most 16 images.";
        if (string.IsNullOrWhiteSpace(form["prompt"])) return "'prompt' is a required property.";
        if (form["n"].ToString() is { Length: > 0 } n && n != "1") return "n must be 1 here.";
        if (form["size"].ToString() is { Length: > 0 } size && size is not ("1024x1024" or "1536x1024" or "1024x1536" or "auto")) return $"Invalid size {size}.";
        if (form.Files.GetFile("mask") is { } maskFile)
        {
            call.HasMask = true;
            // With a mask, the first image is the one edited and must be a PNG of the mask's size.
            if (!PngHeader.TryReadSize(call.Images[0], out var w, out var h)) return "The image must be a PNG.";
            var mask = await ReadAsync(maskFile);
            if (!PngHeader.TryReadSize(mask, out var mw, out var mh)) return "The mask must be a PNG.";
            if (mw != w || mh != h) return "Invalid mask image: the mask must have the same dimensions as the image.";
        }
        return null;
    }

    static async Task<string?> ValidateGenerationAsync(HttpContext context, ReceivedCall call)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true) return "The generations operation takes JSON.";
        using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        foreach (var p in json.RootElement.EnumerateObject()) call.Fields[p.Name] = p.Value.ToString();
        return call.Fields.TryGetValue("prompt", out var prompt) && prompt.Length > 0 ? null : "'prompt' is a required property.";
    }

    static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        return memory.ToArray();
    }

    Task Success(HttpContext context, ReceivedCall? call = null) => Json(context, 200, new
    {
        created = 1_750_000_000,
        data = new[] { new { b64_json = Convert.ToBase64String(call is not null && Render is { } render ? render(call) : ResultImage) } },
        usage = new { input_tokens = 1000, output_tokens = 4160, total_tokens = 5160 },
    });

    static Task Error(HttpContext context, int status, string code, string message) =>
        Json(context, status, new { error = new { code, message, type = "invalid_request_error" } });

    static async Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed class ReceivedCall(string operation, string authorization, string apiVersion)
    {
        public string Operation { get; } = operation;
        public string Authorization { get; } = authorization;
        public string ApiVersion { get; } = apiVersion;
        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
        public int ImageCount { get; set; }
        public string? ImageField { get; set; }
        public bool HasMask { get; set; }
        /// <summary>The image parts as received, in order (image[] or image).</summary>
        public List<byte[]> Images { get; } = [];
        public string? Rejected { get; set; }
    }
}
