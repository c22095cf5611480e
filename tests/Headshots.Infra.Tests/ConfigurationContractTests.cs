using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Headshots.Pipeline.Options;

namespace Headshots.Infra.Tests;

/// <summary>
/// The configuration contract between the code and the Bicep: every setting the Function App and the
/// GPU worker read is set by the compiled template, and the template sets nothing else.
/// </summary>
public sealed partial class ConfigurationContractTests
{
    /// <summary>The `Storage` connection, identity-based (read by both apps).</summary>
    internal static readonly string[] StorageConnection =
    [
        "Storage__blobServiceUri", "Storage__queueServiceUri", "Storage__tableServiceUri",
        "Storage__credential", "Storage__clientId",
    ];

    internal static readonly string[] WorkerOptions =
    [
        "Worker__MaxConcurrentJobs", "Worker__VisibilityTimeout", "Worker__MaxDequeueCount",
        "Worker__ModelsContainer", "Worker__ExecutionProvider",
    ];

    /// <summary>Keyless Application Insights: platform settings the Functions host and the SDK read.</summary>
    internal static readonly string[] Telemetry =
    [
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    internal static readonly string[] FunctionAppOnly =
    [
        "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
        "Pipeline__PublicBaseUrl", "Pipeline__GalleryTokenDays", "Pipeline__MinAcceptedPhotos",
        "Pipeline__VariantsPerLook", "Pipeline__KeepPerLook", "Privacy__RetentionDays",
        "GpuJobs__AttemptTimeout", "GpuJobs__MaxAttempts",
        "Smtp__Host", "Smtp__Port", "Smtp__From", "Smtp__UserName", "Smtp__UseStartTls", "Smtp__Password",
        "Generation__Engine", "Generation__MaxCostPerShoot",
        "Limits__RequestsPerWindow", "Limits__MaxShootsInFlight", "Limits__MaxShootsPerEmailPerDay", "Limits__DailyGenerationBudget", "Studio__AccessCode",
        "Editing__Engine", "AzureOpenAI__Endpoint", "AzureOpenAI__Deployment",
        "AZURE_CLIENT_ID",
    ];

    internal static IReadOnlySet<string> ExpectedFunctionAppSettings { get; } =
        StorageConnection.Concat(WorkerOptions).Concat(Telemetry).Concat(FunctionAppOnly).ToHashSet(StringComparer.Ordinal);

    internal static IReadOnlySet<string> ExpectedWorkerSettings { get; } =
        StorageConnection.Concat(WorkerOptions).Concat(Telemetry).Append("AZURE_CLIENT_ID").Append("Worker__HealthPort").ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void FunctionAppSettings_CompiledTemplate_SetExactlyTheContract()
    {
        var actual = FunctionAppSettingKeys();

        Assert.Empty(ExpectedFunctionAppSettings.Except(actual).Select(key => "missing: " + key));
        Assert.Empty(actual.Except(ExpectedFunctionAppSettings).Select(key => "not in the contract: " + key));
    }

    [Fact]
    public void GpuWorkerEnvironment_CompiledTemplate_SetsExactlyTheContract()
    {
        var actual = WorkerSettingKeys();

        Assert.Empty(ExpectedWorkerSettings.Except(actual).Select(key => "missing: " + key));
        Assert.Empty(actual.Except(ExpectedWorkerSettings).Select(key => "not in the contract: " + key));
    }

    [Fact]
    public void SettingKeys_ExpressionWithoutAKey_FindsNothing()
    {
        // The extraction must not invent keys: a union of unrelated names yields none.
        var keys = SettingKeys("[union(createObject('name', 'value'), variables('missing'))]", new JsonObject());

        Assert.Empty(keys);
    }

    [Fact]
    public void StorageSettings_BothApps_AreIdentityBased()
    {
        var functionSettings = FunctionAppSettingsExpression();
        var workerSettings = WorkerSettingsExpression();

        foreach (var text in new[] { functionSettings, workerSettings })
        {
            Assert.Contains("'Storage__credential', 'managedidentity'", text, StringComparison.Ordinal);
            Assert.Matches("'Storage__clientId', " + ModuleOutput("identity", "clientId"), text);
            Assert.Matches("'Storage__blobServiceUri', " + ModuleOutput("storage", "blobEndpoint"), text);
            Assert.Matches("'Storage__queueServiceUri', " + ModuleOutput("storage", "queueEndpoint"), text);
            Assert.Matches("'Storage__tableServiceUri', " + ModuleOutput("storage", "tableEndpoint"), text);
            Assert.Matches("'AZURE_CLIENT_ID', " + ModuleOutput("identity", "clientId"), text);
        }

        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", functionSettings, StringComparison.Ordinal);
        Assert.Matches("'AzureWebJobsStorage__clientId', " + ModuleOutput("identity", "clientId"), functionSettings);
        Assert.Matches("'AzureWebJobsStorage__queueServiceUri', " + ModuleOutput("storage", "queueEndpoint"), functionSettings);
    }

    [Fact]
    public void WorkerSettings_Variable_ReadsModelsContainerWithProviderFromTheProfile()
    {
        var worker = ArmTemplate.Main.Root.Variables["workerSettings"]!.AsObject();

        // cpu on Consumption, cuda on a GPU profile: DeploymentShapeTests evaluates both.
        Assert.Equal("[if(variables('workerOnGpu'), 'cuda', 'cpu')]", worker["Worker__ExecutionProvider"]?.GetValue<string>());
        Assert.Equal("models", worker["Worker__ModelsContainer"]?.GetValue<string>());
        Assert.Equal("[parameters('workerVisibilityTimeout')]", worker["Worker__VisibilityTimeout"]?.GetValue<string>());
    }

    /// <summary>Each Bicep parameter that feeds an option, with that option's default read from the code itself.</summary>
    public static TheoryData<string, string> ParametersWithCodeDefaults()
    {
        var pipeline = new PipelineOptions();
        var jobs = new GpuJobOptions();
        var worker = new Headshots.GpuWorker.Processing.WorkerOptions();
        var smtp = new SmtpOptions();
        var limits = new LimitsOptions();
        return new()
        {
            { "limitsRequestsPerMinute", Text(limits.RequestsPerWindow) },
            { "limitsMaxShootsInFlight", Text(limits.MaxShootsInFlight) },
            { "limitsMaxShootsPerEmailPerDay", Text(limits.MaxShootsPerEmailPerDay) },
            { "limitsDailyGenerationBudget", limits.DailyGenerationBudget.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "galleryTokenDays", Text(pipeline.GalleryTokenDays) },
            { "retentionDays", Text(new PrivacyOptions().RetentionDays) },
            { "minAcceptedPhotos", Text(pipeline.MinAcceptedPhotos) },
            { "variantsPerLook", Text(pipeline.VariantsPerLook) },
            { "keepPerLook", Text(pipeline.KeepPerLook) },
            { "gpuJobAttemptTimeout", jobs.AttemptTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) },
            { "gpuJobMaxAttempts", Text(jobs.MaxAttempts) },
            { "workerMaxConcurrentJobs", Text(worker.MaxConcurrentJobs) },
            { "workerVisibilityTimeout", worker.VisibilityTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) },
            { "workerMaxDequeueCount", Text(worker.MaxDequeueCount) },
            { "smtpPort", Text(smtp.Port) },
            { "smtpUseStartTls", smtp.UseStartTls ? "true" : "false" },
        };

        static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(ParametersWithCodeDefaults))]
    public void MainParameter_Default_MatchesTheCodeDefault(string parameter, string codeDefault)
    {
        var value = ArmTemplate.Main.Root.Parameters[parameter]?["defaultValue"];

        Assert.NotNull(value);
        Assert.Equal(codeDefault, value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString());
    }

    /// <summary>Defaults that no options class holds: the deployment's shape.</summary>
    [Theory]
    [InlineData("gpuWorkloadProfileType", "Consumption")]
    [InlineData("deployAzureOpenAI", "false")]
    public void MainParameter_DeploymentDefault_IsTheDocumentedOne(string parameter, string expected)
    {
        var value = ArmTemplate.Main.Root.Parameters[parameter]?["defaultValue"];

        Assert.NotNull(value);
        Assert.Equal(expected, value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString());
    }

    [Fact]
    public void GenerationBudget_Default_IsTheCodeDefault()
    {
        var value = ArmTemplate.Main.Root.Parameters["generationMaxCostPerShoot"]?["defaultValue"]?.GetValue<string>();

        Assert.Equal(new GenerationOptions().MaxCostPerShoot.ToString(System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("generationEngine")]
    [InlineData("editingEngine")]
    public void EngineParameters_Default_AreEmptySoTheyFollowTheImageModel(string parameter)
    {
        // The engines in effect (the code defaults unless the image model is deployed) are checked in DeploymentShapeTests.
        Assert.Equal("", ArmTemplate.Main.Root.Parameters[parameter]?["defaultValue"]?.GetValue<string>());
    }

    [Fact]
    public void PublicBaseUrl_FunctionApp_IsItsOwnHttpsHostName()
    {
        var config = ArmTemplate.Main.Single("Microsoft.Web/sites/config");
        var text = config["properties"]?.GetValue<string>() ?? "";

        Assert.Contains("'Pipeline__PublicBaseUrl', format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('name'))", text, StringComparison.Ordinal);
        Assert.Contains(".defaultHostName", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SmtpPassword_FunctionApp_IsAKeyVaultReferenceNeverAValue()
    {
        var text = FunctionAppSettingsExpression();

        Assert.Matches(@"'Smtp__Password', if\([^']*'useAcs'[^']*'smtpUserName'\)+, format\('@Microsoft.KeyVault\(SecretUri=\{0\}\)', format\('\{0\}secrets/\{1\}', " + ModuleOutput("key-vault", "uri"), text);
        Assert.DoesNotContain(ArmTemplate.Main.Root.Parameters, pair => pair.Key.Contains("password", StringComparison.OrdinalIgnoreCase)
            && !pair.Key.EndsWith("SecretName", StringComparison.Ordinal));
    }

    [Fact]
    public void StudioAccessCode_FunctionApp_IsAKeyVaultReferenceNeverAValue()
    {
        var text = FunctionAppSettingsExpression();

        Assert.Matches(@"'Studio__AccessCode', if\(parameters\('privateStudio'\), format\('@Microsoft.KeyVault\(SecretUri=\{0\}\)', format\('\{0\}secrets/\{1\}', "
            + ModuleOutput("key-vault", "uri"), text);
        Assert.DoesNotContain(ArmTemplate.Main.Root.Parameters, pair => pair.Key.Contains("accessCode", StringComparison.OrdinalIgnoreCase)
            && !pair.Key.EndsWith("SecretName", StringComparison.Ordinal));
    }

    /// <summary>Regex for <c>reference(&lt;module deployment&gt;).outputs.&lt;output&gt;.value</c> in main.</summary>
    private static string ModuleOutput(string module, string output) =>
        @"reference\(extensionResourceId\(format\('/subscriptions/\{0\}/resourceGroups/\{1\}', subscription\(\)\.subscriptionId, " +
        @"variables\('names'\)\.resourceGroup\), 'Microsoft\.Resources/deployments', '" + Regex.Escape(module) + @"'\), '[0-9-]+'\)" +
        @"\.outputs\." + Regex.Escape(output) + @"\.value";

    private static string FunctionAppSettingsExpression() =>
        ArmTemplate.Main.Module("function-app").PassedParameters?["appSettings"]?["value"]?.GetValue<string>() ?? "";

    private static string WorkerSettingsExpression() =>
        ArmTemplate.Main.Module("gpu-worker").PassedParameters?["environmentVariables"]?["value"]?.GetValue<string>() ?? "";

    internal static HashSet<string> FunctionAppSettingKeys()
    {
        var keys = SettingKeys(FunctionAppSettingsExpression(), ArmTemplate.Main.Root.Variables);

        // What the module adds itself (its own host name).
        var config = ArmTemplate.Main.Single("Microsoft.Web/sites/config");
        Assert.Equal("[parameters('appSettings')]", FirstUnionArgument(config["properties"]?.GetValue<string>()));
        keys.UnionWith(SettingKeys(config["properties"]?.GetValue<string>() ?? "", config.Deployment.Variables));
        return keys;
    }

    internal static HashSet<string> WorkerSettingKeys()
    {
        var worker = ArmTemplate.Main.Single("Microsoft.App/containerApps");
        var container = worker["properties.template.containers"]?.AsArray().Single();
        var env = container?["copy"]?.AsArray().SingleOrDefault(loop => loop?["name"]?.GetValue<string>() == "env");
        Assert.NotNull(env);
        Assert.Equal("[length(items(parameters('environmentVariables')))]", env["count"]?.GetValue<string>());

        return SettingKeys(WorkerSettingsExpression(), ArmTemplate.Main.Root.Variables);
    }

    /// <summary>
    /// Setting names in a compiled settings expression: the keys of every <c>createObject</c> call
    /// (arguments 1, 3, 5, …) and of every variable object the expression refers to.
    /// </summary>
    internal static HashSet<string> SettingKeys(string expression, JsonObject variables)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match call in CreateObjectCall().Matches(expression))
        {
            var arguments = SplitArguments(expression, call.Index + call.Length);
            for (var index = 0; index < arguments.Count; index += 2)
            {
                var key = arguments[index].Trim();
                if (key.Length >= 2 && key[0] == '\'' && key[^1] == '\'' && SettingName().IsMatch(key[1..^1]))
                {
                    keys.Add(key[1..^1]);
                }
            }
        }

        foreach (Match reference in VariableReference().Matches(expression))
        {
            if (variables[reference.Groups["name"].Value] is JsonObject variable)
            {
                keys.UnionWith(variable.Select(pair => pair.Key));
            }
        }

        return keys;
    }

    /// <summary>The top-level comma-separated arguments of the call whose "(" ends just before <paramref name="start"/>.</summary>
    private static List<string> SplitArguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var inString = false;
        var current = start;
        for (var index = start; index < text.Length; index++)
        {
            var c = text[index];
            if (inString)
            {
                if (c == '\'' && !(index + 1 < text.Length && text[index + 1] == '\''))
                {
                    inString = false;
                }
                else if (c == '\'')
                {
                    index++;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    inString = true;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']' when depth == 0:
                    arguments.Add(text[current..index]);
                    return arguments;
                case ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    arguments.Add(text[current..index]);
                    current = index + 1;
                    break;
            }
        }

        throw new FormatException("Unbalanced expression: " + text);
    }

    private static string? FirstUnionArgument(string? expression)
    {
        if (expression is null || !expression.StartsWith("[union(", StringComparison.Ordinal))
        {
            return null;
        }

        return "[" + SplitArguments(expression, "[union(".Length)[0].Trim() + "]";
    }

    [GeneratedRegex(@"\bcreateObject\(")]
    private static partial Regex CreateObjectCall();

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)(?![.\[])")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(__[A-Za-z0-9]+)+$|^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex SettingName();
}
