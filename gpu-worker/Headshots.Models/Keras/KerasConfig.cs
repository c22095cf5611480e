using System.Text.Json;

namespace Headshots.Models.Keras;

/// <summary>Typed reads of a layer's config, with errors that name the layer and the setting.</summary>
internal static class KerasConfig
{
    public static string String(this KerasLayer layer, string key, string fallback)
    {
        if (!layer.Config.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(layer, key, value, "a string");
    }

    public static bool Bool(this KerasLayer layer, string key, bool fallback)
    {
        if (!layer.Config.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(layer, key, value, "true or false"),
        };
    }

    public static int Int(this KerasLayer layer, string key, int fallback)
    {
        if (!layer.Config.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Invalid(layer, key, value, "an integer");
    }

    public static float? Float(this KerasLayer layer, string key)
    {
        if (!layer.Config.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Number ? value.GetSingle() : throw Invalid(layer, key, value, "a number");
    }

    /// <summary>Keras accepts <c>3</c> for <c>[3, 3]</c> in kernel sizes, strides, dilations and up-sampling sizes.</summary>
    public static (int Height, int Width) Pair(this KerasLayer layer, string key, int fallback)
    {
        if (!layer.Config.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return (fallback, fallback);
        if (value.ValueKind == JsonValueKind.Number) return (value.GetInt32(), value.GetInt32());
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value[0].ValueKind == JsonValueKind.Number && value[1].ValueKind == JsonValueKind.Number)
        {
            return (value[0].GetInt32(), value[1].GetInt32());
        }

        throw Invalid(layer, key, value, "a number or a pair of numbers");
    }

    /// <summary>Internally the graph is NCHW, so a layer that says it is channels-first would need a different translation.</summary>
    public static void RequireChannelsLast(this KerasLayer layer)
    {
        var format = layer.String("data_format", "channels_last");
        if (format != "channels_last")
        {
            throw new ModelConversionException($"Layer '{layer.Name}' ({layer.ClassName}) uses data_format '{format}'; only channels_last is supported.");
        }
    }

    private static ModelConversionException Invalid(KerasLayer layer, string key, JsonElement value, string expected) =>
        new($"Layer '{layer.Name}' ({layer.ClassName}) has {key} = {value.GetRawText()}, expected {expected}.");
}
