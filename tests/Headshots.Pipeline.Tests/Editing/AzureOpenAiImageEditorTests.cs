using Headshots.AzureOpenAiStandIn;
using System.Net;
using System.Net.Http.Headers;
using Headshots.Pipeline.Editing;
using Microsoft.AspNetCore.Http;

namespace Headshots.Pipeline.Tests.Editing;

/// <summary>The editor against the fake Azure OpenAI server: what it sends, and how it reads every kind of answer.</summary>
public sealed class AzureOpenAiImageEditorTests : IAsyncLifetime
{
    FakeAzureOpenAiServer server = null!;

    public async Task InitializeAsync() => server = await FakeAzureOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    static GenerativeEditRequest Request(GenerativeEditKind kind = GenerativeEditKind.Hair, int references = 2, int maskWidth = 64) =>
        new(kind, "short curly hair", TestPng.Create(64, 48), TestPng.Create(maskWidth, 48, alpha: 0),
            Enumerable.Range(0, references).Select(_ => TestPng.Create(40, 40)).ToList(), "shoot-1");

    [Fact]
    public async Task Edit_Success_SendsEveryDocumentedFieldWithBearerToken_AndReturnsTheImageAtThePrice()
    {
        var credential = new FakeCredential();
        var editor = Editors.Create(Editors.Options(server, o => { o.Prices.High.Square = 0.25m; o.PricePerInputImage = 0; }), credential);

        var result = await editor.EditAsync(Request(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(server.ResultImage, result.Image);
        Assert.Equal(0.25m, result.Cost);
        var call = Assert.Single(server.Calls);
        Assert.Null(call.Rejected);
        Assert.Equal("edits", call.Operation);
        Assert.Equal("Bearer " + FakeAzureOpenAiServer.Token, call.Authorization);
        Assert.Equal("2025-04-01-preview", call.ApiVersion);
        Assert.Equal("image[]", call.ImageField);
        Assert.Equal(3, call.ImageCount);
        Assert.True(call.HasMask);
        Assert.Equal("1", call.Fields["n"]);
        Assert.Equal("1024x1024", call.Fields["size"]);
        Assert.Equal("high", call.Fields["quality"]);
        Assert.Contains("short curly hair", call.Fields["prompt"]);
        Assert.Contains("Change only the hair", call.Fields["prompt"]);
        Assert.Equal([[AzureOpenAiImageEditor.Scope]], credential.Scopes);
    }

    [Fact]
    public async Task Edit_WithoutReferences_SendsOneImageField()
    {
        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(references: 0), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        var call = Assert.Single(server.Calls);
        Assert.Equal(("image", 1), (call.ImageField, call.ImageCount));
    }

    [Fact]
    public async Task Edit_TwoCallsOneToken_TheTokenIsReused()
    {
        var credential = new FakeCredential();
        var editor = Editors.Create(Editors.Options(server), credential);

        await editor.EditAsync(Request(), CancellationToken.None);
        await editor.EditAsync(Request(), CancellationToken.None);

        Assert.Equal(2, server.Calls.Count);
        Assert.Single(credential.Scopes);
    }

    [Fact]
    public async Task Edit_MaskOfAnotherSize_IsInvalidAndNothingIsSent()
    {
        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(maskWidth: 65), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Invalid, result.Failure);
        Assert.Contains("65×48", result.Detail);
        Assert.Equal(GenerativeEditMessages.Invalid, result.Message);
        Assert.Empty(server.Calls);
    }

    [Theory]
    [InlineData("Retry-After", "7", 7000)]
    [InlineData("retry-after-ms", "1500", 1500)]
    public async Task Edit_429WithRetryAfter_IsThrottledForThatLong(string header, string value, int milliseconds)
    {
        server.ThenThrottle(header, value);

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Throttled, result.Failure);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), result.RetryAfter);
        Assert.True(result.Retryable);
        Assert.Equal(GenerativeEditMessages.Throttled, result.Message);
        Assert.Equal(0, result.Cost);
    }

    [Fact]
    public async Task Edit_429WithoutRetryAfter_IsThrottledWithADefaultWait()
    {
        server.Then(c => { c.Response.StatusCode = 429; return Task.CompletedTask; });

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Throttled, result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(10), result.RetryAfter);
    }

    [Fact]
    public async Task Edit_400AzureContentFilter_IsContentFilteredAndNotRetryable()
    {
        server.ThenAzureContentFilter();

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.ContentFiltered, result.Failure);
        Assert.False(result.Retryable);
        Assert.Equal(GenerativeEditMessages.ContentFiltered, result.Message);
        Assert.Contains("ResponsibleAIPolicyViolation", result.Detail);
    }

    [Theory]
    [InlineData("content_policy_violation")]
    [InlineData("moderation_blocked")]
    public async Task Edit_400OpenAiModeration_IsContentFiltered(string code)
    {
        server.ThenOpenAiError(400, code, "Your request was rejected as a result of our safety system.");

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.ContentFiltered, result.Failure);
    }

    [Fact]
    public async Task Edit_400OtherError_IsInvalid()
    {
        server.ThenOpenAiError(400, "invalid_value", "Invalid value for 'quality'.");

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Invalid, result.Failure);
        Assert.False(result.Retryable);
    }

    [Theory]
    [InlineData(429, "insufficient_quota", "You exceeded your current quota, please check your plan and billing details.")]
    [InlineData(403, "QuotaExceeded", "Quota exceeded for this subscription.")]
    public async Task Edit_QuotaUsedUp_IsQuotaExceededAndNotRetryable(int status, string code, string message)
    {
        server.ThenOpenAiError(status, code, message);

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.QuotaExceeded, result.Failure);
        Assert.False(result.Retryable);
        Assert.Equal(GenerativeEditMessages.QuotaExceeded, result.Message);
    }

    [Fact]
    public async Task Edit_500_IsAServerErrorWorthRetrying()
    {
        server.ThenServerError();

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.ServerError, result.Failure);
        Assert.True(result.Retryable);
        Assert.Equal(GenerativeEditMessages.ServerError, result.Message);
    }

    [Fact]
    public async Task Edit_SuccessWithAnUnreadableBody_IsAServerError()
    {
        server.Then(c => c.Response.WriteAsync("{\"data\":[{\"b64_json\":\"***\"}]}"));

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.ServerError, result.Failure);
    }

    [Fact]
    public async Task Edit_SlowerThanTheTimeout_IsTimedOut()
    {
        server.ThenSlow(TimeSpan.FromSeconds(30));

        var result = await Editors.Create(Editors.Options(server, o => o.Timeout = TimeSpan.FromMilliseconds(200))).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.TimedOut, result.Failure);
        Assert.True(result.Retryable);
        Assert.Equal(GenerativeEditMessages.TimedOut, result.Message);
    }

    [Fact]
    public async Task Edit_CallerCancels_Throws()
    {
        server.ThenSlow(TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Editors.Create(Editors.Options(server)).EditAsync(Request(), cancel.Token));
    }

    [Fact]
    public async Task Edit_TokenTheServiceRejects_IsNotAuthorized()
    {
        var result = await Editors.Create(Editors.Options(server), new FakeCredential("someone-else")).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.NotAuthorized, result.Failure);
        Assert.False(result.Retryable);
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task Edit_NoToken_IsNotAuthorizedAndNothingIsSent()
    {
        var credential = new FakeCredential(failure: new Azure.Identity.CredentialUnavailableException("no managed identity"));

        var result = await Editors.Create(Editors.Options(server), credential).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.NotAuthorized, result.Failure);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Edit_UnknownDeployment_IsInvalid()
    {
        var result = await Editors.Create(Editors.Options(server, o => o.Deployment = "nope")).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Invalid, result.Failure);
    }

    [Fact]
    public async Task Edit_ServerUnreachable_IsAServerError()
    {
        var endpoint = server.Endpoint;
        await server.DisposeAsync();
        server = await FakeAzureOpenAiServer.StartAsync();

        var result = await Editors.Create(Editors.Options(server, o => o.Endpoint = endpoint)).EditAsync(Request(), CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.ServerError, result.Failure);
    }

    [Fact]
    public async Task Look_WithoutASourceImage_UsesTheGenerationsOperation()
    {
        var request = new GenerativeEditRequest(GenerativeEditKind.Look, "navy blazer, city office at dusk", [], [], [], "shoot-1");

        var result = await Editors.Create(Editors.Options(server)).EditAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        var call = Assert.Single(server.Calls);
        Assert.Equal("generations", call.Operation);
        Assert.Contains("navy blazer", call.Fields["prompt"]);
        Assert.Equal("1024x1024", call.Fields["size"]);
    }

    [Theory]
    [InlineData(GenerativeEditKind.Look, "new look")]
    [InlineData(GenerativeEditKind.Scene, "Change only the setting")]
    [InlineData(GenerativeEditKind.Clothing, "Change only the clothing")]
    public async Task Edit_SceneOrOutfitWithImageAndMask_UsesTheEditsOperationWithTheMask(GenerativeEditKind kind, string promptText)
    {
        var request = Request(kind) with { Description = "rooftop terrace at golden hour" };

        var result = await Editors.Create(Editors.Options(server)).EditAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        var call = Assert.Single(server.Calls);
        Assert.Null(call.Rejected);
        Assert.Equal("edits", call.Operation);
        Assert.True(call.HasMask);
        Assert.Equal(("image[]", 3), (call.ImageField, call.ImageCount));
        Assert.Contains("rooftop terrace at golden hour", call.Fields["prompt"]);
        Assert.Contains(promptText, call.Fields["prompt"]);
    }

    [Fact]
    public async Task Server_RejectsMismatchedMaskAndMissingToken_AsTheServiceDoes()
    {
        using var http = new HttpClient();
        var url = new Uri(server.Endpoint, $"openai/deployments/{FakeAzureOpenAiServer.Deployment}/images/edits?api-version=2025-04-01-preview");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestPng.Create(10, 10)), "image", "image.png" },
            { new ByteArrayContent(TestPng.Create(11, 10)), "mask", "mask.png" },
            { new StringContent("x"), "prompt" },
        };

        var anonymous = await http.PostAsync(url, form);
        using var signed = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        signed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeAzureOpenAiServer.Token);
        var mismatched = await http.SendAsync(signed);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mismatched.StatusCode);
        Assert.Contains("same dimensions", await mismatched.Content.ReadAsStringAsync());
    }
}
