using System.Text.Json.Nodes;

namespace Headshots.Infra.Tests;

/// <summary>azure.yaml against the official azd schema, and what it must say for this project.</summary>
public sealed class AzureYamlTests
{
    private static JsonNode AzureYaml => YamlJson.Parse(Repository.ReadText("azure.yaml"))!;

    [Fact]
    public void AzureYaml_AzdSchema_Validates()
    {
        var errors = Schemas.Validate(Schemas.AzureYaml, AzureYaml);

        Assert.True(errors.Count == 0, "azure.yaml does not match the azd schema:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void AzureYaml_BrokenManifest_FailsValidation()
    {
        // Same manifest with a bad name, a service without host and an unknown hook: all rejected.
        var broken = AzureYaml.DeepClone();
        broken["name"] = "Not A Valid Name";
        broken["services"]!["functions"]!.AsObject().Remove("host");
        broken["hooks"]!["postsomething"] = new JsonObject { ["run"] = "x.sh" };

        var errors = Schemas.Validate(Schemas.AzureYaml, broken);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void AzureYamlSchema_RemoteReferences_AreOnlyForUnusedAiHosts()
    {
        var stubbed = Schemas.AzureYamlStubbedReferences;
        var hosts = AzureYaml["services"]!.AsObject().Select(pair => pair.Value?["host"]?.GetValue<string>()).ToList();

        Assert.NotEmpty(stubbed);
        Assert.All(stubbed, uri => Assert.Contains("/extensions/azure.ai.", uri, StringComparison.Ordinal));
        Assert.All(hosts, host => Assert.False(
            host is null || host.StartsWith("azure.ai.", StringComparison.Ordinal) || host == "microsoft.foundry",
            $"Service host '{host}' is validated only by a stubbed remote schema."));
    }

    [Fact]
    public void AzureYaml_Infra_PointsAtInfraBicepMain()
    {
        var infra = AzureYaml["infra"]!;

        Assert.Equal("bicep", infra["provider"]?.GetValue<string>());
        Assert.Equal("infra-bicep", infra["path"]?.GetValue<string>());
        Assert.Equal("main", infra["module"]?.GetValue<string>() ?? "main");
        Assert.True(File.Exists(Repository.Combine("infra-bicep", "main.bicep")));
        Assert.True(File.Exists(Repository.Combine("infra-bicep", "main.parameters.json")));
    }

    [Fact]
    public void AzureYaml_FunctionsService_IsDotnetFunctionFromTheFunctionsProject()
    {
        var service = AzureYaml["services"]?["functions"];

        Assert.NotNull(service);
        Assert.Equal("function", service["host"]?.GetValue<string>());
        Assert.Equal("dotnet", service["language"]?.GetValue<string>());
        var project = service["project"]!.GetValue<string>();
        Assert.Equal(Repository.Combine("functions", "Headshots.Functions"), Path.GetFullPath(Repository.Combine(project)));
        Assert.True(File.Exists(Repository.Combine("functions", "Headshots.Functions", "Headshots.Functions.csproj")));
    }

    [Fact]
    public void AzureYaml_GpuWorkerService_IsContainerAppBuiltFromWorkerDockerfileAtRepositoryRoot()
    {
        var service = AzureYaml["services"]?["gpu-worker"];

        Assert.NotNull(service);
        Assert.Equal("containerapp", service["host"]?.GetValue<string>());
        var project = Path.GetFullPath(Repository.Combine(service["project"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(project, "Headshots.GpuWorker.csproj")), $"No worker project in {project}.");

        // azd resolves docker.path and docker.context relative to the service project.
        var docker = service["docker"]!;
        Assert.Equal(Repository.Combine("gpu-worker", "Dockerfile"), Path.GetFullPath(Path.Combine(project, docker["path"]!.GetValue<string>())));
        Assert.Equal(Path.GetFullPath(Repository.Root).TrimEnd(Path.DirectorySeparatorChar),
            Path.GetFullPath(Path.Combine(project, docker["context"]!.GetValue<string>())).TrimEnd(Path.DirectorySeparatorChar));
    }

    [Fact]
    public void AzureYaml_ServiceNames_MatchAzdServiceNameTagsInBicep()
    {
        var services = AzureYaml["services"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        var tagged = ArmTemplate.Main.Resources
            .Select(resource => ArmTemplate.TextOf(resource.Json["tags"]))
            .SelectMany(tags => System.Text.RegularExpressions.Regex.Matches(tags, @"'azd-service-name', '(?<name>[^']+)'"))
            .Select(match => match.Groups["name"].Value)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["functions", "gpu-worker"], services);
        Assert.Equal(services, tagged);
    }
}
