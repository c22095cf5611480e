using System.Text.RegularExpressions;

namespace Headshots.Infra.Tests;

/// <summary>The Bicep CLI from NuGet builds and lints infra-bicep/ with no diagnostics at all.</summary>
public sealed partial class BicepCliTests
{
    [Fact]
    public void Version_PinnedPackage_Is0492()
    {
        var run = BicepCli.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Bicep CLI version 0.49.2", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MainTemplate_SucceedsWithNoWarnings()
    {
        var run = BicepCli.BuildMain();

        Assert.True(run.ExitCode == 0, $"bicep build exited {run.ExitCode}:\n{run.StandardError}");
        Assert.True(run.Diagnostics.Count == 0, "bicep build reported:\n" + string.Join('\n', run.Diagnostics));
        Assert.StartsWith("{", run.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MainAndModules_ReportsNoWarningsOrErrors()
    {
        var run = BicepCli.LintMain();

        Assert.True(run.Diagnostics.Count == 0, "bicep lint reported:\n" + string.Join('\n', run.Diagnostics));
        Assert.True(run.ExitCode == 0, $"bicep lint exited {run.ExitCode}:\n{run.StandardError}");
    }

    [Fact]
    public void Lint_TemplateWithAWarning_IsReported()
    {
        // The check above must be able to fail: a known linter warning in a scratch file is seen.
        var directory = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            var file = Path.Combine(directory.FullName, "warn.bicep");
            File.WriteAllText(file, "param unused string\n");

            var run = BicepCli.Run("lint", file);

            Assert.Contains(run.Diagnostics, line => line.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_EveryBicepFile_IsReachableFromMain()
    {
        // `bicep lint main.bicep` covers only the modules main uses: a file nobody references would
        // escape it, so there must be none.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        Visit(Repository.MainBicep, reached);

        var all = Repository.BicepFiles.Select(file => Path.GetFullPath(Repository.Combine(file))).ToHashSet(StringComparer.Ordinal);
        var unreached = all.Except(reached).Select(path => Path.GetRelativePath(Repository.Root, path)).ToList();

        Assert.True(unreached.Count == 0, "Not used by main.bicep (so never linted): " + string.Join(", ", unreached));
    }

    private static void Visit(string file, HashSet<string> reached)
    {
        var full = Path.GetFullPath(file);
        if (!reached.Add(full))
        {
            return;
        }

        foreach (Match match in ModuleReference().Matches(File.ReadAllText(full)))
        {
            var target = match.Groups["path"].Value;
            if (!target.Contains(':', StringComparison.Ordinal))
            {
                Visit(Path.Combine(Path.GetDirectoryName(full)!, target), reached);
            }
        }
    }

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
