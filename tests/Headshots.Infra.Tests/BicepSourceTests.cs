using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>What the Bicep sources and the azd parameter file may and may not contain.</summary>
public sealed partial class BicepSourceTests
{
    public static TheoryData<string> BicepFiles => new(Repository.BicepFiles);

    [Fact]
    public void BicepFiles_InfraFolder_AreFound()
    {
        Assert.Contains("infra-bicep/main.bicep", Repository.BicepFiles);
        Assert.True(Repository.BicepFiles.Count >= 12, "Expected main.bicep and its modules, found: " + string.Join(", ", Repository.BicepFiles));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Source_AnyBicepFile_HasNoKeysOrConnectionStrings(string file)
    {
        var findings = FindSecretPatterns(Repository.ReadText(file));

        Assert.True(findings.Count == 0, $"{file}:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void FindSecretPatterns_KeyBasedSnippet_FindsEveryPattern()
    {
        var snippet = string.Join('\n',
            "var a = storage.listKeys().keys[0].value",
            "var b = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${a}'",
            "var c = { connectionString: b }",
            "var d = 'Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=${a}'",
            "var e = vault.listSecrets()");

        var findings = FindSecretPatterns(snippet);

        Assert.Equal(5, findings.Count);
    }

    [Fact]
    public void FindSecretPatterns_ApplicationInsightsConnectionString_IsTheOnlyException()
    {
        var findings = FindSecretPatterns(string.Join('\n',
            "output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString",
            "  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString",
            "output storageConnectionString string = 'x'"));

        Assert.Single(findings);
    }

    [Fact]
    public void StorageModule_SharedKeyAccess_IsDisabled()
    {
        var source = Repository.ReadText("infra-bicep", "modules", "storage.bicep");

        Assert.Matches(@"(?m)^\s*allowSharedKeyAccess:\s*false\s*$", source);
        Assert.DoesNotMatch(@"allowSharedKeyAccess:\s*true", source);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Modules_AnyBicepFile_ReferencesOnlyLocalModules(string file)
    {
        var source = Repository.ReadText(file);
        var directory = Path.GetDirectoryName(Repository.Combine(file))!;

        foreach (Match match in ModuleReference().Matches(source))
        {
            var target = match.Groups["path"].Value;
            Assert.False(target.Contains(':', StringComparison.Ordinal), $"{file}: module '{target}' comes from a registry or template spec.");
            Assert.True(File.Exists(Path.Combine(directory, target)), $"{file}: module '{target}' does not exist.");
        }

        Assert.DoesNotMatch(@"'(br|ts)[:/]", source);
        Assert.DoesNotMatch(@"(?m)^\s*(extension|import)\s+'", source);
    }

    [Fact]
    public void MainBicep_TargetScope_IsSubscriptionWithResourceGroupFromEnvironmentName()
    {
        var source = Repository.ReadText("infra-bicep", "main.bicep");

        Assert.Matches(@"(?m)^targetScope = 'subscription'$", source);
        Assert.Matches(@"resourceGroup:\s*'\$\{abbrs\.resourcesResourceGroups\}\$\{environmentName\}'", source);
    }

    [Fact]
    public void Modules_OneConcernEach_AllExist()
    {
        string[] expected =
        [
            "infra-bicep/modules/identity.bicep",
            "infra-bicep/modules/storage.bicep",
            "infra-bicep/modules/monitoring.bicep",
            "infra-bicep/modules/event-grid.bicep",
            "infra-bicep/modules/container-apps-environment.bicep",
            "infra-bicep/modules/container-registry.bicep",
            "infra-bicep/modules/key-vault.bicep",
            "infra-bicep/modules/openai.bicep",
            "infra-bicep/modules/communication.bicep",
            "infra-bicep/modules/rbac.bicep",
            "infra-bicep/app/functions.bicep",
            "infra-bicep/app/gpu-worker.bicep",
        ];

        Assert.Empty(expected.Except(Repository.BicepFiles));
    }

    [Fact]
    public void RoleAssignments_OutsideRbacModule_DoNotExist()
    {
        var elsewhere = Repository.BicepFiles
            .Where(file => file != "infra-bicep/modules/rbac.bicep")
            .Where(file => Repository.ReadText(file).Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(elsewhere);
    }

    [Fact]
    public void Abbreviations_EveryUsedKey_IsDefined()
    {
        var abbreviations = JsonNode.Parse(Repository.ReadText("infra-bicep", "abbreviations.json"))!.AsObject();
        var used = AbbreviationUse().Matches(Repository.ReadText("infra-bicep", "main.bicep"))
            .Select(match => match.Groups["key"].Value)
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, key => !abbreviations.ContainsKey(key));
    }

    [Fact]
    public void MainParameters_AzdVariables_AreBoundToEnvironmentLocationAndPrincipal()
    {
        var parameters = MainParameters();

        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", parameters["location"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", parameters["principalId"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void MainParameters_EveryEntry_IsAParameterOfMainAndEveryRequiredOneIsGiven()
    {
        var given = MainParameters().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var declared = ArmTemplate.Main.Root.Parameters;

        Assert.DoesNotContain(given, name => !declared.ContainsKey(name));
        var required = declared.Where(pair => pair.Value?["defaultValue"] is null).Select(pair => pair.Key);
        Assert.DoesNotContain(required, name => !given.Contains(name));
    }

    [Fact]
    public void MainParameters_Values_HoldNoSecrets()
    {
        var text = Repository.ReadText("infra-bicep", "main.parameters.json");

        Assert.DoesNotMatch("(?i)password\"|secret\"|key\"\\s*:", text);
        Assert.Empty(FindSecretPatterns(text));
    }

    /// <summary>
    /// Lines that carry (or build) a key or a connection string. Application Insights' connection
    /// string is the one allowed exception: it is an ingestion address, not a credential, and the
    /// component has local auth disabled (a test on the compiled template checks that).
    /// </summary>
    internal static List<string> FindSecretPatterns(string text)
    {
        var findings = new List<string>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            foreach (var pattern in ForbiddenPatterns)
            {
                if (!pattern.IsMatch(line))
                {
                    continue;
                }

                if (pattern == ForbiddenPatterns[2] && ApplicationInsights().IsMatch(line))
                {
                    continue;
                }

                findings.Add($"line {index + 1}: {line.Trim()}");
            }
        }

        return findings;
    }

    private static readonly Regex[] ForbiddenPatterns =
    [
        new(@"(?i)\blist(Keys|AccountSas|ServiceSas)\s*\("),
        new(@"(?i)\blist(Secrets|Credentials?|ConnectionStrings)\s*\("),
        new(@"(?i)connection_?string"),
        new(@"(?i)AccountKey="),
        new(@"(?i)SharedAccessKey"),
    ];

    [GeneratedRegex(@"(?i)applicationInsights")]
    private static partial Regex ApplicationInsights();

    private static JsonObject MainParameters() =>
        JsonNode.Parse(Repository.ReadText("infra-bicep", "main.parameters.json"))!["parameters"]!.AsObject();

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"abbrs\.(?<key>\w+)")]
    private static partial Regex AbbreviationUse();
}
