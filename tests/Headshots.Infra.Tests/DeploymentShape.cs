namespace Headshots.Infra.Tests;

/// <summary>What the compiled template deploys for one azd environment, read with <see cref="ArmEvaluator"/>.</summary>
internal sealed class DeploymentShape
{
    private readonly ArmEvaluator evaluator;

    private DeploymentShape(Dictionary<string, object?> parameters) =>
        evaluator = new ArmEvaluator(ArmTemplate.Main, parameters);

    /// <summary>A new azd environment plus what `azd env set` added.</summary>
    public static DeploymentShape For(params (string Name, string Value)[] set) => new(AzdParameters.For(set));

    private static ArmTemplate Template => ArmTemplate.Main;

    /// <summary>Whether the Azure OpenAI account and its image-model deployment are created (both, or neither).</summary>
    public bool? ImageModelDeployed
    {
        get
        {
            var account = evaluator.IsDeployed(Template.Single("Microsoft.CognitiveServices/accounts"));
            var deployment = evaluator.IsDeployed(Template.Single("Microsoft.CognitiveServices/accounts/deployments"));
            Assert.Equal(account, deployment);
            return account;
        }
    }

    /// <summary>The workload profiles of the Container Apps environment, as (name, type).</summary>
    public List<(string Name, string Type)> WorkloadProfiles
    {
        get
        {
            var environment = Template.Single("Microsoft.App/managedEnvironments");
            Assert.True(evaluator.IsDeployed(environment));
            var profiles = Assert.IsType<List<object?>>(evaluator.Evaluate(environment.Deployment, environment["properties.workloadProfiles"]));
            return profiles.Cast<Dictionary<string, object?>>()
                .Select(profile => ((string)profile["name"]!, (string)profile["workloadProfileType"]!))
                .ToList();
        }
    }

    private ArmResource Worker => Template.Single("Microsoft.App/containerApps");

    public string WorkerProfileName =>
        Assert.IsType<string>(evaluator.Evaluate(Worker.Deployment, Worker["properties.workloadProfileName"]));

    /// <summary>The worker container's resources (cpu as a number, memory as text).</summary>
    public Dictionary<string, object?> WorkerResources =>
        Assert.IsType<Dictionary<string, object?>>(evaluator.Evaluate(Worker.Deployment, Worker["properties.template.containers"]?[0]?["resources"]));

    /// <summary>The worker's environment variables (the module turns this object into its env list).</summary>
    public Dictionary<string, object?> WorkerSettings =>
        Assert.IsType<Dictionary<string, object?>>(evaluator.Evaluate(Template.Root, Template.Module("gpu-worker").PassedParameters?["environmentVariables"]?["value"]));

    /// <summary>The Function App's settings as the config resource writes them (main's settings plus its own host name).</summary>
    public Dictionary<string, object?> FunctionAppSettings
    {
        get
        {
            var config = Template.Single("Microsoft.Web/sites/config");
            return Assert.IsType<Dictionary<string, object?>>(evaluator.Evaluate(config.Deployment, config["properties"]));
        }
    }

    /// <summary>The blob containers the storage module creates.</summary>
    public IReadOnlyList<string> StorageContainers => StorageList("containers");

    /// <summary>The queues the storage module creates.</summary>
    public IReadOnlyList<string> StorageQueues => StorageList("queues");

    /// <summary>The Event Grid system topic's type, when one is deployed (the source of Event Grid blob triggers).</summary>
    public string? EventGridSystemTopicType
    {
        get
        {
            var topic = Template.OfType("Microsoft.EventGrid/systemTopics").SingleOrDefault();
            return topic is not null && evaluator.IsDeployed(topic) == true
                ? Assert.IsType<string>(evaluator.Evaluate(topic.Deployment, topic["properties.topicType"]))
                : null;
        }
    }

    private List<string> StorageList(string parameter) =>
        Assert.IsType<List<object?>>(evaluator.Evaluate(Template.Root, Template.Module("storage").PassedParameters?[parameter]?["value"]))
            .Cast<string>()
            .ToList();

    /// <summary>Whether the managed identity is given Cognitive Services OpenAI User on an account.</summary>
    public bool? IdentityHoldsOpenAiRole
    {
        get
        {
            var assignment = Template.OfType("Microsoft.Authorization/roleAssignments").Single(resource =>
                resource["properties.principalId"]?.GetValue<string>() == "[parameters('identityPrincipalId')]"
                && (resource["properties.roleDefinitionId"]?.GetValue<string>() ?? "").Contains("cognitiveServicesOpenAIUser", StringComparison.Ordinal));
            return evaluator.IsDeployed(assignment);
        }
    }
}
