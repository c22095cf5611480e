using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>Checks on the ARM template that <c>bicep build infra-bicep/main.bicep</c> produces.</summary>
public sealed partial class ArmTemplateTests
{
    private static ArmTemplate Template => ArmTemplate.Main;

    [Fact]
    public void Template_Text_HasNoKeyFunctionsOrKeyConnectionStrings()
    {
        var text = Template.Text;

        Assert.DoesNotMatch(@"(?i)\blist(Keys|Secrets|AccountSas|ServiceSas|ConnectionStrings|Credentials?)\s*\(", text);
        Assert.DoesNotMatch("(?i)AccountKey=|SharedAccessKey|DefaultEndpointsProtocol", text);
    }

    [Fact]
    public void Template_ResourceGroup_IsNamedFromEnvironment()
    {
        var group = Template.Single("Microsoft.Resources/resourceGroups");

        Assert.Equal("[variables('names').resourceGroup]", group["name"]?.GetValue<string>());
        Assert.Equal("subscription", SchemaScope(Template.Json));
    }

    [Fact]
    public void Template_Outputs_AreUpperSnakeCase()
    {
        var names = Template.Root.Outputs.Select(pair => pair.Key).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", name));
        foreach (var expected in new[]
                 {
                     "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME",
                     "AZURE_CONTAINER_REGISTRY_ENDPOINT", "AZURE_KEY_VAULT_NAME", "AZURE_STORAGE_ACCOUNT_NAME",
                 })
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public void Template_OutputsOfEveryDeployment_CarryNoSecrets()
    {
        foreach (var deployment in Template.Deployments)
        {
            foreach (var (name, output) in deployment.Outputs)
            {
                var type = output?["type"]?.GetValue<string>() ?? "";
                var value = ArmTemplate.TextOf(output?["value"]);
                var where = $"{deployment.Name}: output {name}";

                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{where} is {type}.");
                Assert.DoesNotMatch("(?i)password|secret|accountkey|sas", name);
                Assert.DoesNotMatch(@"(?i)\blist\w*\(|AccountKey|SharedAccess", value);
                if (Regex.IsMatch(name + value, "(?i)connectionString"))
                {
                    // Only Application Insights' ingestion string, and only between modules.
                    Assert.True(deployment != Template.Root, $"{where} passes a connection string out of the deployment.");
                    Assert.Contains("Microsoft.Insights/components", value, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Template_ApplicationInsights_AcceptsOnlyEntraAuthenticatedTelemetry()
    {
        var component = Template.Single("Microsoft.Insights/components");

        Assert.True(component["properties.DisableLocalAuth"]?.GetValue<bool>());
        Assert.NotNull(component["properties.WorkspaceResourceId"]);
        Assert.True(Template.Single("Microsoft.OperationalInsights/workspaces")["properties.features.disableLocalAuth"]?.GetValue<bool>());
    }

    [Fact]
    public void Template_StorageAccount_AllowsNeitherSharedKeyNorPublicBlobs()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.False(storage["properties.allowSharedKeyAccess"]?.GetValue<bool>());
        Assert.False(storage["properties.allowBlobPublicAccess"]?.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["properties.minimumTlsVersion"]?.GetValue<string>());
        Assert.True(storage["properties.supportsHttpsTrafficOnly"]?.GetValue<bool>());
    }

    [Fact]
    public void Template_Storage_HasPipelineContainersQueuesAndTables()
    {
        var storage = Template.Module("storage");

        Assert.Equal(["gallery", "models", "uploads", "work"], Sorted(storage.ResolveParameter("containers")));
        Assert.Equal(["gpu-jobs", "gpu-results"], Sorted(storage.ResolveParameter("queues")));
        Assert.Equal(["costs", "galleries", "jobs", "photos", "refines", "shoots"], Sorted(storage.ResolveParameter("tables")));

        AssertLoopOver(storage, "Microsoft.Storage/storageAccounts/blobServices/containers", "containers");
        AssertLoopOver(storage, "Microsoft.Storage/storageAccounts/queueServices/queues", "queues");
        AssertLoopOver(storage, "Microsoft.Storage/storageAccounts/tableServices/tables", "tables");
        Assert.All(Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            container => Assert.Equal("None", container["properties.publicAccess"]?.GetValue<string>()));
    }

    [Fact]
    public void Template_LifecyclePolicy_DeletesUploadsWorkAndGalleriesAfterRetentionDays()
    {
        var policy = Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = Assert.Single(policy["properties.policy.rules"]!.AsArray())!;

        Assert.Equal("Lifecycle", rule["type"]?.GetValue<string>());
        Assert.True(rule["enabled"]?.GetValue<bool>());
        Assert.Equal(["gallery/", "uploads/", "work/"], Sorted(policy.Deployment.Resolve(rule["definition"]?["filters"]?["prefixMatch"])));
        var days = policy.Deployment.Resolve(rule["definition"]?["actions"]?["baseBlob"]?["delete"]?["daysAfterModificationGreaterThan"]);
        Assert.Equal(30, days?.GetValue<int>());
        Assert.Equal(30, Template.Root.Parameters["retentionDays"]?["defaultValue"]?.GetValue<int>());
        Assert.Equal("[parameters('retentionDays')]",
            Template.Module("storage").PassedParameters?["retentionDays"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void Template_FunctionPlan_IsFlexConsumptionFc1()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan["sku.name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku.tier"]?.GetValue<string>());
        Assert.True(plan["properties.reserved"]?.GetValue<bool>());
    }

    [Fact]
    public void Template_FunctionApp_RunsDotnetIsolated10FromIdentityReadDeploymentContainer()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("dotnet-isolated", site["properties.functionAppConfig.runtime.name"]?.GetValue<string>());
        Assert.Equal("10.0", site["properties.functionAppConfig.runtime.version"]?.GetValue<string>());
        Assert.Equal("blobContainer", site["properties.functionAppConfig.deployment.storage.type"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", site["properties.functionAppConfig.deployment.storage.authentication.type"]?.GetValue<string>());
        Assert.Equal("[parameters('identityId')]",
            site["properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"]?.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity.type"]?.GetValue<string>());
        Assert.True(site["properties.httpsOnly"]?.GetValue<bool>());
        Assert.Contains("'azd-service-name', 'functions'", site["tags"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Template_FunctionApp_BasicPublishingCredentialsAreDisabled()
    {
        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.False(policy["properties.allow"]?.GetValue<bool>()));
    }

    [Fact]
    public void Template_EventGridSystemTopic_WatchesTheStorageAccount()
    {
        var topic = Template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic["properties.topicType"]?.GetValue<string>());
        Assert.Contains("Microsoft.Storage/storageAccounts", topic["properties.source"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
        Assert.Empty(Template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
    }

    [Fact]
    public void Template_ContainerAppsEnvironment_OffersConsumptionAndOptInServerlessGpuProfiles()
    {
        var environment = Template.Single("Microsoft.App/managedEnvironments");
        var allowed = Template.Root.Parameters["gpuWorkloadProfileType"]?["allowedValues"]?.AsArray().Select(v => v?.GetValue<string>());

        // Which profiles each choice creates is evaluated in DeploymentShapeTests.
        Assert.Equal(["Consumption", "Consumption-GPU-NC8as-T4", "Consumption-GPU-NC24-A100"], allowed ?? []);
        Assert.Equal("Consumption", Template.Root.Parameters["gpuWorkloadProfileType"]?["defaultValue"]?.GetValue<string>());
        Assert.Equal("azure-monitor", environment["properties.appLogsConfiguration.destination"]?.GetValue<string>());
    }

    [Fact]
    public void Template_GpuWorker_ScalesFromZeroOnGpuJobsWithManagedIdentity()
    {
        var worker = Template.Single("Microsoft.App/containerApps");
        var scale = worker["properties.template.scale"]!;
        var rule = Assert.Single(scale["rules"]!.AsArray())!;
        var queue = rule["azureQueue"]!;

        Assert.Equal(0, scale["minReplicas"]?.GetValue<int>());
        Assert.Equal("gpu-jobs", worker.Deployment.ResolveString(queue["queueName"]));
        Assert.Equal(1, queue["queueLength"]?.GetValue<int>());
        Assert.Equal("[parameters('identityId')]", queue["identity"]?.GetValue<string>());
        Assert.Null(rule["azureQueue"]?["auth"]);
        Assert.Contains("outputs.id.value", worker.Deployment.PassedParameters?["identityId"]?["value"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
        Assert.Contains("'identity'", worker.Deployment.PassedParameters?["identityId"]?["value"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Template_GpuWorker_RunsOnItsWorkloadProfilePullingWithIdentity()
    {
        var worker = Template.Single("Microsoft.App/containerApps");
        var registry = Assert.Single(worker["properties.configuration.registries"]!.AsArray())!;

        Assert.Equal("[parameters('workloadProfileName')]", worker["properties.workloadProfileName"]?.GetValue<string>());
        Assert.Equal("gpu", Template.Module("container-apps-environment").ResolveString(JsonValue.Create("[parameters('gpuWorkloadProfileName')]")));
        Assert.Equal("[parameters('identityId')]", registry["identity"]?.GetValue<string>());
        Assert.Null(registry["passwordSecretRef"]);
        Assert.Null(worker["properties.configuration.secrets"]);
        Assert.Null(worker["properties.configuration.ingress"]);
        Assert.Contains("'azd-service-name', 'gpu-worker'", worker["tags"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Template_ContainerRegistry_HasNoAdminUserOrAnonymousPull()
    {
        var registry = Template.Single("Microsoft.ContainerRegistry/registries");

        Assert.False(registry["properties.adminUserEnabled"]?.GetValue<bool>());
        Assert.False(registry["properties.anonymousPullEnabled"]?.GetValue<bool>());
    }

    [Fact]
    public void Template_OpenAi_IsKeylessWithImageModelDeployment()
    {
        var account = Template.Single("Microsoft.CognitiveServices/accounts");
        var deployment = Template.Single("Microsoft.CognitiveServices/accounts/deployments");

        Assert.Equal("OpenAI", account["kind"]?.GetValue<string>());
        Assert.True(account["properties.disableLocalAuth"]?.GetValue<bool>());
        Assert.NotNull(account["properties.customSubDomainName"]);
        Assert.Equal("[parameters('modelName')]", deployment["properties.model.name"]?.GetValue<string>());
        Assert.Equal("[parameters('deploymentSkuName')]", deployment["sku.name"]?.GetValue<string>());
        Assert.Equal("gpt-image-1", Template.Root.Parameters["openAiImageModelName"]?["defaultValue"]?.GetValue<string>());
    }

    [Fact]
    public void Template_KeyVault_UsesRbacOnly()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults");

        Assert.True(vault["properties.enableRbacAuthorization"]?.GetValue<bool>());
        Assert.Null(vault["properties.accessPolicies"]);
        Assert.Empty(Template.OfType("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public void Template_Email_UsesCommunicationServicesWithoutLocalAuth()
    {
        var communication = Template.Single("Microsoft.Communication/communicationServices");
        var domain = Template.Single("Microsoft.Communication/emailServices/domains");

        Assert.True(communication["properties.disableLocalAuth"]?.GetValue<bool>());
        Assert.Equal("AzureManaged", domain["properties.domainManagement"]?.GetValue<string>());
        Assert.Contains("Smtp", Template.Root.Parameters["emailProvider"]?["allowedValues"]?.AsArray().Select(v => v?.GetValue<string>()) ?? []);
    }

    [Fact]
    public void Template_RoleAssignments_TargetManagedIdentityOrOptInDeployer()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            var principal = assignment["properties.principalId"]?.GetValue<string>();
            var name = assignment["name"]?.GetValue<string>() ?? "";
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains(principal!.Trim('[', ']'), name, StringComparison.Ordinal);

            if (principal == "[parameters('identityPrincipalId')]")
            {
                Assert.Equal("ServicePrincipal", assignment["properties.principalType"]?.GetValue<string>());
            }
            else
            {
                Assert.Equal("[parameters('deployerPrincipalId')]", principal);
                Assert.Contains("grantDeployer", assignment["condition"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
            }
        }

        var rbac = Template.Module("rbac");
        Assert.Contains("'identity'", rbac.PassedParameters?["identityPrincipalId"]?["value"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", rbac.PassedParameters?["deployerPrincipalId"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void Template_ManagedIdentity_HoldsTheDataRolesItNeeds()
    {
        var rbac = Template.Module("rbac");
        var roles = rbac.Variables["roles"]!.AsObject();
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in Template.OfType("Microsoft.Authorization/roleAssignments")
                     .Where(a => a["properties.principalId"]?.GetValue<string>() == "[parameters('identityPrincipalId')]"))
        {
            var definition = assignment["properties.roleDefinitionId"]?.GetValue<string>() ?? "";
            foreach (Match match in RoleVariable().Matches(definition))
            {
                granted.Add(match.Groups["role"].Value);
            }

            if (definition.Contains("variables('storageDataRoles')[copyIndex()]", StringComparison.Ordinal))
            {
                foreach (var item in rbac.Variables["storageDataRoles"]!.AsArray())
                {
                    granted.Add(RoleVariable().Match(item!.GetValue<string>()).Groups["role"].Value);
                }
            }
        }

        var expected = new Dictionary<string, string>
        {
            ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
            ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
            ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
            ["acrPull"] = "7f951dda-4ed3-4680-a7ca-43fe172d538d",
            ["keyVaultSecretsUser"] = "4633458b-17de-408a-b874-0445c86b69e6",
            ["cognitiveServicesOpenAIUser"] = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
            ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        };
        foreach (var (role, id) in expected)
        {
            Assert.Contains(role, granted);
            Assert.Equal(id, roles[role]?.GetValue<string>());
        }

        // Least privilege: no broad control-plane roles for the identity.
        Assert.DoesNotContain(roles.Select(pair => pair.Value?.GetValue<string>()),
            id => id is "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" or "b24988ac-6180-42a0-ab88-20f7382dd24c");
    }

    private static void AssertLoopOver(ArmDeployment deployment, string type, string parameter)
    {
        var loop = Template.OfType(type).Where(resource => resource.Deployment == deployment && resource.Json["copy"] is not null).ToList();
        var resource = Assert.Single(loop);
        Assert.Equal($"[length(parameters('{parameter}'))]", resource["copy.count"]?.GetValue<string>());
    }

    private static List<string> Sorted(JsonNode? node) =>
        node?.AsArray().Select(item => item!.GetValue<string>()).Order(StringComparer.Ordinal).ToList() ?? [];

    private static string SchemaScope(JsonObject template) =>
        (template["$schema"]?.GetValue<string>() ?? "").Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) ? "subscription" : "other";

    [GeneratedRegex(@"variables\('roles'\)\.(?<role>\w+)")]
    private static partial Regex RoleVariable();
}
