using Azure.Core;
using Azure.Identity;
using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Editing;

public static class GenerativeEditingServiceCollectionExtensions
{
    /// <summary>
    /// The Azure OpenAI image model, only when Editing:Engine or Generation:Engine is azure-openai: its options
    /// (validated at start), a keyless credential, the client, the editor, the runner and the cost ledger. With the
    /// local engines nothing is registered, so a local studio never needs the AzureOpenAI section or a network.
    /// </summary>
    public static IServiceCollection AddGenerativeEditing(this IServiceCollection services, IConfiguration configuration)
    {
        var editing = configuration.GetSection(EditingOptions.Section)[nameof(EditingOptions.Engine)] ?? EditingOptions.Local;
        var generation = configuration.GetSection(GenerationOptions.Section)[nameof(GenerationOptions.Engine)] ?? GenerationOptions.Reframe;
        if (editing != EditingOptions.AzureOpenAi && generation != GenerationOptions.AzureOpenAi) return services;

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
        services.TryAddSingleton(sp => AzureOpenAiImageEditor.CreateClient(
            sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value, sp.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton<IGenerativeEditor, AzureOpenAiImageEditor>();
        services.TryAddSingleton<IEditArtifacts, BlobEditArtifacts>();
        services.TryAddSingleton<ICostLedger, CostLedger>();
        // Every cloud call reserves against Limits:DailyGenerationBudget.
        services.AddHeadshotLimits(configuration);
        services.TryAddSingleton<GenerativeEditRunner>();
        return services;
    }
}
