using System.Text;
using System.Text.Json;

namespace Headshots.Models.Tfjs;

/// <summary>
/// One node of a TF.js graph model, which is a TensorFlow GraphDef node written as JSON: attribute strings are
/// base64, integers are decimal strings, lists sit under <c>list</c> and an empty list has no field at all.
/// </summary>
internal sealed class TfjsNode
{
    private readonly JsonElement attributes;

    public TfjsNode(JsonElement json)
    {
        Name = json.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty;
        Op = json.TryGetProperty("op", out var op) ? op.GetString() ?? string.Empty : string.Empty;
        if (Name.Length == 0 || Op.Length == 0)
        {
            throw new ModelConversionException("A node of the model topology has no name or no op.");
        }

        // Control dependencies ('^name') only order execution; a dataflow graph needs none.
        Inputs = json.TryGetProperty("input", out var inputs)
            ? inputs.EnumerateArray().Select(i => i.GetString() ?? string.Empty).Where(i => !i.StartsWith('^')).ToArray()
            : [];
        attributes = json.TryGetProperty("attr", out var attr) ? attr : default;
    }

    public string Name { get; }

    public string Op { get; }

    public IReadOnlyList<string> Inputs { get; }

    public override string ToString() => $"{Op} node '{Name}'";

    public string Input(int index) => index < Inputs.Count
        ? Inputs[index]
        : throw new ModelConversionException($"{this} has {Inputs.Count} inputs; input {index} was expected.");

    public string? Text(string name) =>
        Attribute(name) is { } a && a.TryGetProperty("s", out var s) ? Encoding.UTF8.GetString(s.GetBytesFromBase64()) : null;

    public IReadOnlyList<string> Texts(string name) =>
        List(name) is { } list && list.TryGetProperty("s", out var s)
            ? s.EnumerateArray().Select(v => Encoding.UTF8.GetString(v.GetBytesFromBase64())).ToArray()
            : [];

    public long[]? Ints(string name) =>
        List(name) is { } list
            ? list.TryGetProperty("i", out var i) ? i.EnumerateArray().Select(ParseLong).ToArray() : []
            : null;

    public long Int(string name, long fallback) =>
        Attribute(name) is { } a && a.TryGetProperty("i", out var i) ? ParseLong(i) : fallback;

    public float Float(string name, float fallback) =>
        Attribute(name) is { } a && a.TryGetProperty("f", out var f) ? ParseFloat(f) : fallback;

    public bool Bool(string name, bool fallback) =>
        Attribute(name) is { } a && a.TryGetProperty("b", out var b) ? b.GetBoolean() : fallback;

    /// <summary>A <c>shape</c> attribute (Placeholder's); -1 marks a size known only at run time.</summary>
    public long[]? Shape(string name) =>
        Attribute(name) is { } a && a.TryGetProperty("shape", out var shape) ? ParseShape(shape) : null;

    /// <summary>Reads a TensorShapeProto as JSON; null when its rank is unknown.</summary>
    public static long[]? ParseShape(JsonElement shape)
    {
        if (shape.TryGetProperty("unknownRank", out var unknown) && unknown.ValueKind == JsonValueKind.True)
        {
            return null;
        }

        return shape.TryGetProperty("dim", out var dims)
            ? dims.EnumerateArray().Select(d => d.TryGetProperty("size", out var size) ? ParseLong(size) : -1).ToArray()
            : [];
    }

    private static long ParseLong(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt64();

    // Protobuf JSON writes non-finite floats as strings.
    private static float ParseFloat(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? float.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetSingle();

    private JsonElement? Attribute(string name) =>
        attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(name, out var value) ? value : null;

    private JsonElement? List(string name) =>
        Attribute(name) is { } a && a.TryGetProperty("list", out var list) ? list : null;
}
