using System.Diagnostics;
using System.Management.Automation.Language;
using System.Text.Json.Nodes;

namespace Headshots.Infra.Tests;

/// <summary>The azd hooks: both forms exist, parse, and do what docs/deployment.md says.</summary>
public sealed class HookScriptTests
{
    public static TheoryData<string> Hooks => new(HookEntries().Select(entry => entry.Key));

    public static TheoryData<string> ShellScripts => new(Scripts("*.sh"));

    public static TheoryData<string> PowerShellScripts => new(Scripts("*.ps1"));

    [Fact]
    public void AzureYaml_Hooks_IncludePostprovisionAndPostdeploy()
    {
        var hooks = HookEntries().Select(entry => entry.Key).ToList();

        Assert.Contains("postdeploy", hooks);
        Assert.Contains("postprovision", hooks);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Hook_EachOne_HasShAndPwshScriptsWithTheSameName(string hook)
    {
        var entry = HookEntries().Single(pair => pair.Key == hook).Value!;
        var posix = entry["posix"];
        var windows = entry["windows"];

        Assert.Equal("sh", posix?["shell"]?.GetValue<string>());
        Assert.Equal("pwsh", windows?["shell"]?.GetValue<string>());
        var sh = posix!["run"]!.GetValue<string>();
        var ps1 = windows!["run"]!.GetValue<string>();
        Assert.EndsWith(".sh", sh, StringComparison.Ordinal);
        Assert.EndsWith(".ps1", ps1, StringComparison.Ordinal);
        Assert.Equal(Path.ChangeExtension(sh, null), Path.ChangeExtension(ps1, null));
        Assert.True(File.Exists(Repository.Combine(sh)), $"{sh} is missing.");
        Assert.True(File.Exists(Repository.Combine(ps1)), $"{ps1} is missing.");
    }

    [Fact]
    public void HookScripts_EveryShScript_HasAPwshTwinAndTheReverse()
    {
        var sh = Scripts("*.sh").Select(script => Path.ChangeExtension(script, null)).ToHashSet();
        var ps1 = Scripts("*.ps1").Select(script => Path.ChangeExtension(script, null)).ToHashSet();

        Assert.NotEmpty(sh);
        Assert.True(sh.SetEquals(ps1), $"sh: {string.Join(", ", sh)}; pwsh: {string.Join(", ", ps1)}");
    }

    [Theory]
    [MemberData(nameof(ShellScripts))]
    public void ShScript_Syntax_ParsesWithPosixSh(string script)
    {
        var text = Repository.ReadText(script);
        Assert.StartsWith("#!/bin/sh\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.Contains("set -eu", text, StringComparison.Ordinal);

        var (exitCode, output) = RunSh("-n", Repository.Combine(script));

        Assert.True(exitCode == 0, $"sh -n {script}: {output}");
    }

    [Fact]
    public void ShSyntaxCheck_BrokenScript_Fails()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "#!/bin/sh\nif [ -n \"$x\" ]; then\n  echo x\n");

            var (exitCode, _) = RunSh("-n", file);

            Assert.NotEqual(0, exitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(PowerShellScripts))]
    public void Ps1Script_Syntax_ParsesWithThePowerShellParser(string script)
    {
        Parser.ParseFile(Repository.Combine(script), out _, out var errors);

        Assert.True(errors.Length == 0, $"{script}:\n" + string.Join('\n', errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        Assert.Contains("$ErrorActionPreference = 'Stop'", Repository.ReadText(script), StringComparison.Ordinal);
    }

    [Fact]
    public void Ps1SyntaxCheck_BrokenScript_Fails()
    {
        Parser.ParseInput("if ($x) { Write-Host 'x'", out _, out var errors);

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("infra-bicep/hooks/postdeploy.sh")]
    [InlineData("infra-bicep/hooks/postdeploy.ps1")]
    public void PostdeployHook_EventGridSubscription_FiltersOrderBlobsInUploads(string script)
    {
        var text = Repository.ReadText(script);

        Assert.Contains("az eventgrid system-topic event-subscription create", text, StringComparison.Ordinal);
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", text, StringComparison.Ordinal);
        Assert.Contains("--subject-begins-with /blobServices/default/containers/uploads/", text, StringComparison.Ordinal);
        Assert.Contains("--subject-ends-with order.json", text, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", text, StringComparison.Ordinal);
        Assert.Contains("--endpoint-type webhook", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("infra-bicep/hooks/postprovision.sh")]
    [InlineData("infra-bicep/hooks/postprovision.ps1")]
    [InlineData("infra-bicep/hooks/postdeploy.sh")]
    [InlineData("infra-bicep/hooks/postdeploy.ps1")]
    [InlineData("infra-bicep/hooks/postdown.sh")]
    [InlineData("infra-bicep/hooks/postdown.ps1")]
    public void Hook_EnvironmentValuesItReads_AreBicepOutputs(string script)
    {
        var outputs = ArmTemplate.Main.Root.Outputs.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        // Values that azd itself sets, or optional overrides with a default in the script.
        string[] notOutputs =
        [
            "AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID", "ACS_SMTP_SETUP", "SMTP_USERNAME", "SMTP_PASSWORD_SECRET_NAME",
            "BLOB_TRIGGER_FUNCTION_NAME", "POSTDEPLOY_WAIT_ATTEMPTS",
        ];
        var read = System.Text.RegularExpressions.Regex.Matches(Repository.ReadText(script), @"(?<![A-Za-z0-9_])(?<name>(AZURE|ACS|SMTP|EMAIL|BLOB|POSTDEPLOY)_[A-Z_]+)")
            .Select(match => match.Groups["name"].Value)
            .Distinct()
            .Where(name => !notOutputs.Contains(name))
            .ToList();

        Assert.NotEmpty(read);
        Assert.DoesNotContain(read, name => !outputs.Contains(name));
    }

    private static List<string> Scripts(string pattern) =>
        Directory.EnumerateFiles(Repository.Combine("infra-bicep", "hooks"), pattern)
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<KeyValuePair<string, JsonNode?>> HookEntries() =>
        YamlJson.Parse(Repository.ReadText("azure.yaml"))!["hooks"]!.AsObject();

    private static (int ExitCode, string Output) RunSh(params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
