using Headshots.GpuWorker;
using Headshots.GpuWorker.Handlers;
using Headshots.Jobs.Protocol;
using Headshots.Models.Diffusion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.GpuWorker.Tests.Processing;

/// <summary>The diffuse job exists only where its models are, or are said to be; the worker starts either way.</summary>
public sealed class DiffuseRegistrationTests : IDisposable
{
    private readonly string models = Path.Combine(Path.GetTempPath(), $"headshots-diffuse-registration-{Guid.NewGuid():N}");

    public DiffuseRegistrationTests() => Directory.CreateDirectory(models);

    public void Dispose() => Directory.Delete(models, recursive: true);

    private ServiceProvider Build(string? diffusionPath = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:Engines"] = "models",
            ["Worker:ModelsPath"] = models,
            ["Worker:DiffusionModelsPath"] = diffusionPath,
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        return new ServiceCollection().AddLogging().AddGpuWorker(configuration).BuildServiceProvider();
    }

    private static List<string> Kinds(ServiceProvider provider) => provider.GetServices<IGpuJobHandler>().Select(h => h.Kind).ToList();

    [Fact]
    public void AddGpuWorker_NoDiffusionModels_EveryOtherKindAndNoDiffuse()
    {
        using var provider = Build();

        Assert.Equal(GpuJobKinds.All.Order(), Kinds(provider).Order());
    }

    [Fact]
    public void AddGpuWorker_DiffusionModelsInTheModelsFolder_RegistersDiffuse()
    {
        TinySdxlModels.WriteTo(Path.Combine(models, "diffusion"), TinySdxlPrecision.Float32);

        using var provider = Build();

        Assert.Equal(GpuJobKinds.All.Append(GpuJobKinds.Diffuse).Order(), Kinds(provider).Order());
    }

    [Fact]
    public void AddGpuWorker_DiffusionFolderConfiguredButEmpty_RegistersDiffuseSoItsJobsSayWhatIsMissing()
    {
        using var provider = Build(diffusionPath: Path.Combine(models, "elsewhere"));

        Assert.Contains(GpuJobKinds.Diffuse, Kinds(provider));
    }

    [Fact]
    public void Read_BadSize_InvalidJobNamingTheJob()
    {
        var parameters = new DiffuseJobParameters("p", null, 1, 1000, 1212, 30, 0.3, DiffuseJob.EulerAncestral, "look-01").ToParameters();
        var job = new GpuJobMessage("j-7", "s-1", "i-1", GpuJobKinds.Diffuse, ["work/s-1/references/00.jpg"], "work/s-1/diffused/", parameters, 1);

        var error = Assert.Throws<InvalidJobException>(() => DiffuseJobHandler.Read(job));

        Assert.Equal("The diffuse job j-7: The size 1000×1212 must be multiples of 8 from 8 to 2048 on each side.", error.Message);
    }

    [Fact]
    public void Read_ValidParameters_RequestAndName()
    {
        var parameters = new DiffuseJobParameters("p", "n", -3, 832, 1216, 30, 0.3, DiffuseJob.DpmPlusPlus2MKarras, "look-01", 5).ToParameters();
        var job = new GpuJobMessage("j-8", "s-1", "i-1", GpuJobKinds.Diffuse, ["work/s-1/references/00.jpg"], "work/s-1/diffused/", parameters, 1);

        var (request, name) = DiffuseJobHandler.Read(job);

        Assert.Equal("look-01", name);
        Assert.Equal(new Headshots.Engines.Diffusion.Pipeline.DiffusionRequest("p", "n", -3, 832, 1216, 30, 0.3,
            Headshots.Engines.Diffusion.Pipeline.DiffusionSamplerKind.DpmPlusPlus2MKarras, 5f), request);
    }
}
