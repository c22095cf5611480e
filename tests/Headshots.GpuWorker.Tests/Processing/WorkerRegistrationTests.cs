using Headshots.Engines;
using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Retouch;
using Headshots.GpuWorker;
using Headshots.GpuWorker.Handlers;
using Headshots.Jobs.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.GpuWorker.Tests.Processing;

/// <summary>Which engines the worker runs in each mode: the registration every stack and the container share.</summary>
public sealed class WorkerRegistrationTests
{
    static IServiceCollection Register(string engines)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:Engines"] = engines,
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        return new ServiceCollection().AddLogging().AddGpuWorker(configuration);
    }

    static Type? Implementation<TService>(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(TService))?.ImplementationType;

    [Fact]
    public void AddGpuWorker_Models_ComposesRetouchesAndEditsWithTheModelEngines()
    {
        var services = Register("models");

        Assert.Equal(typeof(ModelHeadshotComposer), Implementation<IHeadshotComposer>(services));
        Assert.Equal(typeof(LandmarkFaceEnhancer), Implementation<IFaceEnhancer>(services));
        Assert.Equal(typeof(ModelHeadshotEditor), Implementation<IHeadshotEditor>(services));
        Assert.Contains(services, d => d.ServiceType == typeof(EditMaskBuilder));
    }

    [Fact]
    public void AddGpuWorker_Classical_FallsBackToTheEnginesThatNeedNoModels()
    {
        var services = Register("classical");

        Assert.Equal(typeof(ClassicalHeadshotComposer), Implementation<IHeadshotComposer>(services));
        Assert.Equal(typeof(ClassicalFaceEnhancer), Implementation<IFaceEnhancer>(services));
        Assert.Null(Implementation<IHeadshotEditor>(services));
    }

    [Theory]
    [InlineData("models")]
    [InlineData("classical")]
    [InlineData("noop")]
    public void AddGpuWorker_AnyMode_HasAHandlerForEveryJobKind(string engines)
    {
        using var provider = Register(engines).BuildServiceProvider();

        var kinds = provider.GetServices<IGpuJobHandler>().Select(h => h.Kind).Order();

        Assert.Equal(GpuJobKinds.All.Order(), kinds);
    }
}
