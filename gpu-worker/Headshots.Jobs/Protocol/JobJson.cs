using System.Text.Json;
using System.Text.Json.Serialization;

namespace Headshots.Jobs.Protocol;

/// <summary>One JSON shape for every queue message, so both sides agree byte for byte.</summary>
public static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A result's values are tagged by "$type"; a writer that does not put the tag first is read all the same.
        AllowOutOfOrderMetadataProperties = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="JsonException">The text is not a valid message of type <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string text) =>
        JsonSerializer.Deserialize<T>(text, Options) ?? throw new JsonException($"The message is empty; expected a {typeof(T).Name}.");
}
