using System.Text.Json.Nodes;

namespace Headshots.Infra.Tests;

/// <summary>The Functions host configuration (host.json at the repository root).</summary>
public sealed class HostJsonTests
{
    private static JsonNode HostJson => JsonNode.Parse(Repository.ReadText("host.json"))!;

    [Fact]
    public void HostJson_FunctionsSchema_Validates()
    {
        var errors = Schemas.Validate(Schemas.HostJson, HostJson);

        Assert.True(errors.Count == 0, "host.json does not match the Functions schema:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void HostJson_WrongTypes_FailValidation()
    {
        var broken = HostJson.DeepClone();
        broken["version"] = "3.0";
        broken["extensions"]!["queues"]!["maxDequeueCount"] = "five";

        Assert.NotEmpty(Schemas.Validate(Schemas.HostJson, broken));
    }

    [Fact]
    public void HostJson_DurableTask_UsesTheHeadshotsHub()
    {
        Assert.Equal("2.0", HostJson["version"]?.GetValue<string>());
        Assert.Equal("HeadshotsHub", HostJson["extensions"]?["durableTask"]?["hubName"]?.GetValue<string>());
    }
}
