using System.Text.Json;
using Headshots.Engines.Imaging;

namespace Headshots.EndToEnd.Tests;

/// <summary><c>./headshots inspect</c> as a person runs it: the same intake as a shoot, verdicts as JSON, exit 0.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class InspectCommandTests(LocalStudioFixture studio) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("headshots-inspect-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Inspect_FolderWithSelfiesAndANote_PrintsAVerdictPerFileAndExitsZero()
    {
        foreach (var (name, jpeg) in studio.Photos(3)) await File.WriteAllBytesAsync(Path.Combine(folder, name), jpeg);
        await File.WriteAllTextAsync(Path.Combine(folder, "note.jpg"), "not a photo");

        var (exit, output, _) = await studio.RunCliAsync("inspect", folder, "--json");

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(output);
        var photos = report.RootElement.GetProperty("photos").EnumerateArray().ToDictionary(p => p.GetProperty("file").GetString()!);
        Assert.Equal(4, photos.Count);
        Assert.Equal("unsupported_format", photos["note.jpg"].GetProperty("reasons")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(photos["note.jpg"].GetProperty("tip").GetString()));
        foreach (var selfie in photos.Values.Where(p => p.GetProperty("file").GetString() != "note.jpg"))
        {
            Assert.True(selfie.GetProperty("accepted").GetBoolean());
            Assert.True(selfie.GetProperty("identityDistance").GetDouble() < 0.6);
            Assert.Equal(1, selfie.GetProperty("faces").GetArrayLength());
        }
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("accepted").GetInt32());
        Assert.False(summary.GetProperty("canStart").GetBoolean());
        Assert.Contains("at least 8", summary.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Inspect_MissingFolder_ExitsTwoSayingSo()
    {
        var (exit, output, error) = await studio.RunCliAsync("inspect", Path.Combine(folder, "nope"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", output + error);
    }
}
