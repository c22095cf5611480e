using Azure.Core;

namespace Headshots.AzureOpenAiStandIn;

/// <summary>A credential that hands out the stand-in server's token (or fails as told), recording the scopes asked for.</summary>
public sealed class FakeCredential(string? token = FakeAzureOpenAiServer.Token, Exception? failure = null) : TokenCredential
{
    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.Add(requestContext.Scopes);
        if (failure is not null) throw failure;
        return ValueTask.FromResult(new AccessToken(token!, DateTimeOffset.UtcNow.AddHours(1)));
    }
}
