using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>
/// The Functions app's bindings, as the worker SDK generated them (functions.metadata), against what the Bicep
/// deploys: every connection an identity-based app setting, every queue and container created, the Event Grid
/// source of the blob trigger in place, the task hub's connection set, and "/" left to the start page.
/// </summary>
public sealed partial class FunctionBindingContractTests
{
    /// <summary>Binding types these tests know the deployment needs for; a new kind must be checked here first.</summary>
    private static readonly HashSet<string> CheckedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "httpTrigger", "http", "queueTrigger", "blobTrigger", "durableClient", "orchestrationTrigger", "activityTrigger",
        // A schedule needs nothing deployed but the host's own storage, which the durable test checks.
        "timerTrigger",
    };

    private static readonly string[] DurableTypes = ["durableClient", "orchestrationTrigger", "activityTrigger"];

    private static Dictionary<string, object?> Settings => DeploymentShape.For().FunctionAppSettings;

    [Fact]
    public void Metadata_EveryBindingType_IsOneTheseTestsCheck()
    {
        Assert.NotEmpty(FunctionsMetadata.All);
        Assert.All(FunctionsMetadata.Bindings, b => Assert.True(CheckedTypes.Contains(b.Binding.Type),
            $"{b.Function} has a {b.Binding.Type} binding, which no contract test checks against the Bicep: add its check to {nameof(FunctionBindingContractTests)}."));
    }

    [Fact]
    public void StorageBindings_Connection_IsAnIdentityBasedAppSetting()
    {
        var settings = Settings;
        var storageBindings = FunctionsMetadata.Bindings.Where(b => b.Binding.Type is "queueTrigger" or "blobTrigger").ToList();

        Assert.NotEmpty(storageBindings);
        Assert.All(storageBindings, b =>
        {
            Assert.False(string.IsNullOrEmpty(b.Binding.Connection), $"{b.Function} names no connection: it would fall back to AzureWebJobsStorage.");
            AssertIdentityConnection(settings, b.Binding.Connection!, b.Binding.Type == "queueTrigger" ? "queue" : "blob", b.Function);
        });
    }

    [Fact]
    public void QueueTriggers_Queue_IsOneTheStorageModuleCreates()
    {
        var queues = DeploymentShape.For().StorageQueues;
        var triggers = FunctionsMetadata.Bindings.Where(b => b.Binding.Type == "queueTrigger").ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, b => Assert.True(queues.Contains(b.Binding.QueueName!),
            $"{b.Function} listens on the queue '{b.Binding.QueueName}', which infra-bicep does not create ({string.Join(", ", queues)})."));
    }

    [Fact]
    public void BlobTriggers_Container_IsOneTheStorageModuleCreates()
    {
        var containers = DeploymentShape.For().StorageContainers;

        Assert.All(BlobTriggers(), b => Assert.True(containers.Contains(Container(b.Binding.Path!)),
            $"{b.Function} watches {b.Binding.Path}, whose container infra-bicep does not create ({string.Join(", ", containers)})."));
    }

    [Fact]
    public void BlobTriggers_EventGridSource_HasASystemTopicOnTheStorageAccount()
    {
        // Flex Consumption runs only Event Grid-sourced blob triggers; polling ones never fire there.
        Assert.All(BlobTriggers(), b => Assert.Equal("EventGrid", b.Binding.Source));
        Assert.Equal("Microsoft.Storage.StorageAccounts", DeploymentShape.For().EventGridSystemTopicType);
    }

    [Theory]
    [InlineData("infra-bicep/hooks/postdeploy.sh")]
    [InlineData("infra-bicep/hooks/postdeploy.ps1")]
    public void BlobTriggers_PostdeployHook_SubscribesEveryBlobItWatches(string hook)
    {
        var script = Repository.ReadText(hook);
        var trigger = Assert.Single(BlobTriggers()); // The hook subscribes the first function with a blobTrigger binding.
        var path = trigger.Binding.Path!;

        Assert.Contains("Microsoft.Storage.BlobCreated", script, StringComparison.Ordinal);
        Assert.Equal($"/blobServices/default/containers/{Container(path)}/", HookOption(script, "subject-begins-with"));
        // Everything after the path's last parameter is literal: each blob the trigger wants must end with the filter.
        var literalTail = path[(path.LastIndexOf('}') + 1)..];
        var endsWith = HookOption(script, "subject-ends-with");
        Assert.True(endsWith.Length > 0 && literalTail.EndsWith(endsWith, StringComparison.Ordinal),
            $"{hook} filters subjects ending with '{endsWith}', but {trigger.Function} watches {path}.");
    }

    [Fact]
    public void DurableBindings_TaskHubConnection_IsAnIdentityBasedAppSetting()
    {
        var host = JsonNode.Parse(Repository.ReadText("host.json"))!;
        var connection = host["extensions"]?["durableTask"]?["storageProvider"]?["connectionName"]?.GetValue<string>() ?? "AzureWebJobsStorage";

        Assert.Contains(FunctionsMetadata.Bindings, b => DurableTypes.Contains(b.Binding.Type));
        var settings = Settings;
        // The Azure Storage provider keeps the hub in all three services.
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            AssertIdentityConnection(settings, connection, service, "the Durable Task hub");
        }
    }

    [Fact]
    public void HttpTriggers_Routes_AreAnsweredAsDeclared()
    {
        var http = FunctionsMetadata.Bindings.Where(b => b.Binding.Type == "httpTrigger").ToList();
        var host = JsonNode.Parse(Repository.ReadText("host.json"))!;

        Assert.NotEmpty(http);
        // The routes are the site's own paths (/g/{token}, not /api/g/{token}), and "/" is the start page, not the host's.
        Assert.Equal("", host["extensions"]?["http"]?["routePrefix"]?.GetValue<string>());
        Assert.Contains(http, b => b.Binding.Route == "");
        Assert.Equal("true", Settings["AzureWebJobsDisableHomepage"]);
        Assert.All(http, b => Assert.Equal("Anonymous", b.Binding.AuthLevel));
    }

    private static List<(string Function, BindingMetadata Binding)> BlobTriggers()
    {
        var triggers = FunctionsMetadata.Bindings.Where(b => b.Binding.Type == "blobTrigger").ToList();
        Assert.NotEmpty(triggers);
        return triggers;
    }

    private static string Container(string blobPath) => blobPath.Split('/')[0];

    private static void AssertIdentityConnection(Dictionary<string, object?> settings, string connection, string service, string user)
    {
        Assert.True(settings.ContainsKey($"{connection}__{service}ServiceUri"), $"{user} uses the connection {connection}, but the app settings have no {connection}__{service}ServiceUri.");
        Assert.True(settings.ContainsKey($"{connection}__clientId"), $"{user}: {connection}__clientId (the managed identity) is not set.");
        Assert.Equal("managedidentity", settings.GetValueOrDefault($"{connection}__credential"));
        Assert.False(settings.ContainsKey(connection), $"{user}: {connection} is set as a connection string; the connection must be identity-based.");
    }

    /// <summary>The value after <c>--name</c> in an az command of a hook (bash or PowerShell).</summary>
    private static string HookOption(string script, string name)
    {
        var match = Regex.Match(script, $@"--{Regex.Escape(name)}\s+(?<value>[^\s`\\]+)");
        Assert.True(match.Success, $"The hook has no --{name}.");
        return match.Groups["value"].Value;
    }
}
