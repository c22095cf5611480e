using System.Text.RegularExpressions;

namespace Headshots.EndToEnd.Tests;

/// <summary>The CLI's help is generated from its command definitions; the README's commands are what people type.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class CliHelpTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Help_EveryCommandTheReadmeShows_IsListedAndHasItsOwnHelp()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(studio.Paths.Root, "README.md"));
        // `./headshots test` and `bench upscale` are the script's own (dotnet test, and a bench project beside its Node.js peer).
        var documented = Regex.Matches(readme, @"^\./headshots ([a-z]+)(?: ([a-z]+)\b(?! *[A-Z~]))?", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null))
            .Where(c => c is not ("test", null) and not ("bench", "upscale"))
            .Distinct()
            .ToList();
        Assert.True(documented.Count >= 10, string.Join(", ", documented));

        var (exit, help, _) = await studio.RunCliAsync("--help");

        Assert.Equal(0, exit);
        foreach (var (command, sub) in documented)
        {
            Assert.Matches(new Regex($@"^\s+{command}\b", RegexOptions.Multiline), help);
            var (ownExit, ownHelp, ownError) = await studio.RunCliAsync(sub is null ? [command, "--help"] : [command, sub, "--help"]);
            Assert.True(ownExit == 0, $"{command} {sub}: {ownHelp}{ownError}");
            Assert.Contains($"headshots {command}{(sub is null ? "" : " " + sub)}", ownHelp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cli_UnknownOption_ExitsTwoNamingItWithTheCommandsHelp()
    {
        var (exit, output, error) = await studio.RunCliAsync("status", "0123456789abcdef0123456789abcdef", "--colour");

        Assert.Equal(2, exit);
        Assert.Contains("--colour", output + error, StringComparison.Ordinal);
        Assert.Contains("headshots status <SHOOT_ID> [options]", error, StringComparison.Ordinal);
    }
}
