using Headshots.Jobs.Looks;

namespace Headshots.Engines.Tests;

/// <summary>Engines turn pixels into pixels: they build against the contracts, never against queues, tables or blobs.</summary>
public sealed class EngineLayeringTests
{
    [Theory]
    [InlineData(typeof(Candidate))]
    [InlineData(typeof(LookCatalog))]
    public void Assembly_ReferencedAssemblies_IncludeNoAzureSdk(Type inAssembly)
    {
        var references = inAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Azure.", StringComparison.Ordinal));
        Assert.DoesNotContain("Headshots.Jobs.Storage", references);
    }
}
