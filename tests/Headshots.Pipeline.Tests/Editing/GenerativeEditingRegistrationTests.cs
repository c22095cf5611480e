using Headshots.Jobs.Storage;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Refine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Tests.Editing;

/// <summary>Editing:Engine picks the engine: local registers nothing and needs no server; azure-openai validates its section.</summary>
public sealed class GenerativeEditingRegistrationTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHeadshotStorage(configuration);
        services.AddGenerativeEditing(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    static readonly Dictionary<string, string?> Storage = new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" };

    [Theory]
    [InlineData(null)]
    [InlineData("local")]
    public async Task LocalEngine_RegistersNoEditor_AndTheActivityAnswersThatEditsNeedTheCloud(string? engine)
    {
        using var provider = Build(new(Storage) { ["Editing:Engine"] = engine });

        Assert.Null(provider.GetService<IGenerativeEditor>());
        Assert.Null(provider.GetService<GenerativeEditRunner>());
        var output = await new GenerativeEditActivity(provider).RunAsync(
            new GenerativeEditInput("s", "r", GenerativeEditKind.Hair, "curls", "work/a.png", null, [], "work/b.png"), CancellationToken.None);
        Assert.Equal(GenerativeEditFailure.NotConfigured, output.Failure);
        Assert.Equal(RefineMessages.GenerativeEditsNeedCloud, output.Message);
    }

    [Fact]
    public void LocalEngine_IgnoresAnIncompleteAzureOpenAISection()
    {
        using var provider = Build(new(Storage) { ["Editing:Engine"] = "local", ["AzureOpenAI:Endpoint"] = "http://example.com/" });

        // Nothing validates the section: starting a local studio never fails on it.
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Null(provider.GetService<IGenerativeEditor>());
    }

    [Fact]
    public void AzureOpenAiEngine_RegistersTheEditorRunnerAndLedger()
    {
        using var provider = Build(new(Storage)
        {
            ["Editing:Engine"] = "azure-openai",
            ["AzureOpenAI:Endpoint"] = "https://studio.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "image-edit",
            ["AzureOpenAI:Prices:High:Square"] = "0.04",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.IsType<AzureOpenAiImageEditor>(provider.GetRequiredService<IGenerativeEditor>());
        Assert.IsType<CostLedger>(provider.GetRequiredService<ICostLedger>());
        Assert.IsType<BlobEditArtifacts>(provider.GetRequiredService<IEditArtifacts>());
        Assert.NotNull(provider.GetRequiredService<GenerativeEditRunner>());
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(provider.GetRequiredService<Azure.Core.TokenCredential>());
        var options = provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
        Assert.Equal((0.04m, "2025-04-01-preview", 4), (options.Prices.High.Square, options.ApiVersion, options.MaxAttempts));
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData(null, "image-edit", "Endpoint")]
    [InlineData("https://studio.openai.azure.com/", null, "Deployment")]
    [InlineData("http://studio.openai.azure.com/", "image-edit", "https")]
    public void AzureOpenAiEngine_IncompleteSection_FailsAtStart(string? endpoint, string? deployment, string expected)
    {
        using var provider = Build(new(Storage)
        {
            ["Editing:Engine"] = "azure-openai",
            ["AzureOpenAI:Endpoint"] = endpoint,
            ["AzureOpenAI:Deployment"] = deployment,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void StorageNames_IncludeTheCostsTable() => Assert.Contains("costs", StorageNames.Tables);
}
