using Headshots.Pipeline.Api;
using Headshots.Pipeline.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Headshots.Functions.Triggers;

/// <summary>The person's pages: GET / (start a shoot), GET /s/{id}?t=… (its status), GET /assets/{file}, replacement photos, reshoots and the email sent again.</summary>
public sealed class WebHttp(ShootsApi api)
{
    // The host's own home page must be off (AzureWebJobsDisableHomepage) for this route to answer "/".
    [Function("StartPage")]
    public async Task<HttpResponseData> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "")] HttpRequestData request) =>
        await request.ToResponseAsync(api.StartPage());

    [Function("WebAsset")]
    public async Task<HttpResponseData> Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{file}")] HttpRequestData request,
        string file) =>
        await request.ToResponseAsync(WebAssets.Serve(file));

    [Function("ShootStatusPage")]
    public async Task<HttpResponseData> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{id}")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.StatusPageAsync(id, request.Query["t"], client, context.CancellationToken));

    [Function("ShootReplacements")]
    public async Task<HttpResponseData> Replacements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/shoots/{id}/replacements")] HttpRequestData request,
        string id,
        FunctionContext context)
    {
        var body = await RequestBody.ReadAsync(request.Body, ShootsApi.MaxBodyBytes, context.CancellationToken);
        return await request.ToResponseAsync(await api.ReplacementsAsync(id, request.Query["t"], body, request.Origin(), context.CancellationToken));
    }

    [Function("ShootResendEmail")]
    public async Task<HttpResponseData> ResendEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/shoots/{id}/resend")] HttpRequestData request,
        string id,
        FunctionContext context) =>
        await request.ToResponseAsync(await api.ResendEmailAsync(id, request.Query["t"], request.Origin(), context.CancellationToken));

    [Function("ShootReshoot")]
    public async Task<HttpResponseData> Reshoot(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/shoots/{id}/reshoot")] HttpRequestData request,
        string id,
        FunctionContext context)
    {
        var body = await RequestBody.ReadAsync(request.Body, ShootsApi.MaxBodyBytes, context.CancellationToken);
        return await request.ToResponseAsync(await api.ReshootAsync(id, request.Query["t"], body, request.Origin(), context.CancellationToken));
    }
}
