using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Tests.Generation;

/// <summary>Generation:Engine at start: reframe needs nothing, azure-openai validates its section, onnx-diffusion is refused in words.</summary>
public sealed class GenerationRegistrationTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        settings["Pipeline:PublicBaseUrl"] = "http://127.0.0.1:7071/";
        settings["Smtp:Host"] = "127.0.0.1";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddHeadshotPipeline(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Reframe_Default_StartsWithoutAnyModel()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(GenerationOptions.Reframe, provider.GetRequiredService<IOptions<GenerationOptions>>().Value.Engine);
        Assert.Null(provider.GetService<IGenerativeEditor>());
    }

    [Fact]
    public void OnnxDiffusion_SizeNotInMultiplesOfEight_IsRefusedAtStartSayingWhatToSet()
    {
        using var provider = Build(new() { ["Generation:Engine"] = "onnx-diffusion", ["Generation:DiffusionPortraitSize"] = "830x1216" });

        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Generation:DiffusionPortraitSize must be WIDTHxHEIGHT in multiples of 8", e.Message);
    }

    [Fact]
    public void OnnxDiffusion_Defaults_StartWithoutAnyCloudSection()
    {
        using var provider = Build(new() { ["Generation:Engine"] = "onnx-diffusion" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Null(provider.GetService<IGenerativeEditor>());
    }

    [Fact]
    public void AzureOpenAi_WithoutItsDeployment_IsRefusedAtStart()
    {
        using var provider = Build(new() { ["Generation:Engine"] = "azure-openai" });

        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AzureOpenAI:Endpoint", e.Message);
    }

    [Fact]
    public void AzureOpenAi_Configured_RegistersTheGenerator()
    {
        using var provider = Build(new()
        {
            ["Generation:Engine"] = "azure-openai",
            ["AzureOpenAI:Endpoint"] = "https://studio.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "image-edit",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<AzureOpenAiImageEditor>(provider.GetRequiredService<IGenerativeEditor>());
        Assert.NotNull(provider.GetRequiredService<GenerativeEditRunner>());
    }

    [Fact]
    public void UnknownEngine_IsRefusedNamingTheChoices()
    {
        using var provider = Build(new() { ["Generation:Engine"] = "dall-e" });

        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'reframe', 'azure-openai' or 'onnx-diffusion'", e.Message);
    }
}
