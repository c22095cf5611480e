using Azure.Core;
using Azure.Identity;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Editing;

public static class GenerativeEditingServiceCollectionExtensions
{
    /// <summary>
    /// The cloud editing engine, only when Editing:Engine is azure-openai: its options (validated at start), a keyless
    /// credential, the editor, the runner and the cost ledger. With the local engine nothing is registered, so a local
    /// studio never needs the AzureOpenAI section or a network.
    /// </summary>
    public static IServiceCollection AddGenerativeEditing(this IServiceCollection services, IConfiguration configuration)
    {
        var engine = configuration.GetSection(EditingOptions.Section)[nameof(EditingOptions.Engine)] ?? EditingOptions.Local;
        if (engine != EditingOptions.AzureOpenAi) return services;

        services.AddOptions<AzureOpenAIOptions>()
            .Bind(configuration.GetSection(AzureOpenAIOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // The managed identity the Bicep assigns is user-assigned; AZURE_CLIENT_ID names it (no key anywhere).
        services.TryAddSingleton<TokenCredential>(_ =>
        {
            var clientId = configuration["AZURE_CLIENT_ID"];
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
            });
        });
        services.TryAddSingleton<PromptTemplates>();
        services.TryAddSingleton<IGenerativeEditor>(sp => new AzureOpenAiImageEditor(
            // Our own per-call timeout (AzureOpenAI:Timeout) bounds each call; the client's would throw a different exception.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<TokenCredential>(),
            sp.GetRequiredService<IOptions<AzureOpenAIOptions>>(),
            sp.GetRequiredService<PromptTemplates>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AzureOpenAiImageEditor>>()));
        services.TryAddSingleton<IEditArtifacts, BlobEditArtifacts>();
        services.TryAddSingleton<ICostLedger, CostLedger>();
        services.TryAddSingleton<GenerativeEditRunner>();
        return services;
    }
}
