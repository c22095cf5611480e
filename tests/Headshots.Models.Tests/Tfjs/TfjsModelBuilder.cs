using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Headshots.Models.Tfjs;

namespace Headshots.Models.Tests.Tfjs;

/// <summary>
/// Writes a small TF.js graph model (model.json and one weight shard) the way the TF.js converter does, then
/// converts it. Constants are float32 unless a test asks for float16 quantisation.
/// </summary>
internal sealed class TfjsModelBuilder
{
    private readonly JsonArray nodes = [];
    private readonly JsonArray weights = [];
    private readonly JsonObject inputs = [];
    private readonly JsonObject outputs = [];
    private readonly MemoryStream shard = new();

    public TfjsModelBuilder Input(string name, params long[] shape) => Input(name, name, shape);

    /// <summary>A Placeholder named <paramref name="node"/>, listed in the signature under <paramref name="key"/>.</summary>
    public TfjsModelBuilder Input(string key, string node, params long[] shape)
    {
        nodes.Add(new JsonObject
        {
            ["name"] = node,
            ["op"] = "Placeholder",
            ["attr"] = new JsonObject { ["dtype"] = new JsonObject { ["type"] = "DT_FLOAT" }, ["shape"] = new JsonObject { ["shape"] = Shape(shape) } },
        });
        inputs[key] = Endpoint(node + ":0", shape);
        return this;
    }

    public TfjsModelBuilder Output(string key, string node, params long[] shape)
    {
        outputs[key] = Endpoint(node + ":0", shape);
        return this;
    }

    public TfjsModelBuilder Const(string name, float[] values, params int[] shape)
    {
        foreach (var value in values)
        {
            shard.Write(BitConverter.GetBytes(value));
        }

        return AddConst(name, shape, "float32", null);
    }

    public TfjsModelBuilder ConstFloat16(string name, float[] values, params int[] shape)
    {
        foreach (var value in values)
        {
            shard.Write(BitConverter.GetBytes((Half)value));
        }

        return AddConst(name, shape, "float32", new JsonObject { ["dtype"] = "float16", ["original_dtype"] = "float32" });
    }

    public TfjsModelBuilder ConstInts(string name, int[] values, params int[] shape)
    {
        foreach (var value in values)
        {
            shard.Write(BitConverter.GetBytes(value));
        }

        return AddConst(name, shape, "int32", null);
    }

    public TfjsModelBuilder Node(string name, string op, string[] inputs, JsonObject? attributes = null)
    {
        var node = new JsonObject { ["name"] = name, ["op"] = op, ["input"] = new JsonArray(inputs.Select(i => (JsonNode)i).ToArray()) };
        if (attributes is not null)
        {
            node["attr"] = attributes;
        }

        nodes.Add(node);
        return this;
    }

    /// <summary>Writes the model to a fresh folder, converts it and removes the folder.</summary>
    public byte[] Convert()
    {
        var folder = Directory.CreateTempSubdirectory("tfjs-test-");
        try
        {
            return TfjsGraphConverter.Convert(Write(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public string Write(string folder)
    {
        File.WriteAllBytes(Path.Combine(folder, "group1-shard1of1.bin"), shard.ToArray());
        var model = new JsonObject
        {
            ["format"] = "graph-model",
            ["generatedBy"] = "2.10.0",
            ["convertedBy"] = "TensorFlow.js Converter v3.21.0",
            ["signature"] = new JsonObject { ["inputs"] = inputs.DeepClone(), ["outputs"] = outputs.DeepClone() },
            ["modelTopology"] = new JsonObject { ["node"] = nodes.DeepClone(), ["library"] = new JsonObject(), ["versions"] = new JsonObject() },
            ["weightsManifest"] = new JsonArray(new JsonObject { ["paths"] = new JsonArray("group1-shard1of1.bin"), ["weights"] = weights.DeepClone() }),
        };
        var path = Path.Combine(folder, "model.json");
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }

    /// <summary>Attribute values as TensorFlow's GraphDef JSON writes them.</summary>
    public static JsonObject Ints(params long[] values) =>
        new() { ["list"] = values.Length == 0 ? new JsonObject() : new JsonObject { ["i"] = new JsonArray(values.Select(v => (JsonNode)v.ToString(CultureInfo.InvariantCulture)).ToArray()) } };

    public static JsonObject Text(string value) => new() { ["s"] = System.Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) };

    public static JsonObject Texts(params string[] values) =>
        new() { ["list"] = new JsonObject { ["s"] = new JsonArray(values.Select(v => (JsonNode)System.Convert.ToBase64String(Encoding.UTF8.GetBytes(v))).ToArray()) } };

    public static JsonObject Bool(bool value) => new() { ["b"] = value };

    public static JsonObject Int(long value) => new() { ["i"] = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The attributes of a 2-D window op in NHWC: strides, padding, and dilations where given.</summary>
    public static JsonObject Window(string padding, int stride = 1, int dilation = 1, long[]? explicitPaddings = null) => new()
    {
        ["T"] = new JsonObject { ["type"] = "DT_FLOAT" },
        ["data_format"] = Text("NHWC"),
        ["strides"] = Ints(1, stride, stride, 1),
        ["dilations"] = Ints(1, dilation, dilation, 1),
        ["padding"] = Text(padding),
        ["explicit_paddings"] = Ints(explicitPaddings ?? []),
    };

    private static JsonObject Shape(long[] shape) =>
        new() { ["dim"] = new JsonArray(shape.Select(d => (JsonNode)new JsonObject { ["size"] = d.ToString(CultureInfo.InvariantCulture) }).ToArray()) };

    private static JsonObject Endpoint(string tensor, long[] shape) =>
        new() { ["name"] = tensor, ["dtype"] = "DT_FLOAT", ["tensorShape"] = Shape(shape) };

    private TfjsModelBuilder AddConst(string name, int[] shape, string dtype, JsonObject? quantization)
    {
        nodes.Add(new JsonObject { ["name"] = name, ["op"] = "Const", ["attr"] = new JsonObject { ["dtype"] = new JsonObject { ["type"] = dtype == "int32" ? "DT_INT32" : "DT_FLOAT" } } });
        var weight = new JsonObject { ["name"] = name, ["shape"] = new JsonArray(shape.Select(d => (JsonNode)d).ToArray()), ["dtype"] = dtype };
        if (quantization is not null)
        {
            weight["quantization"] = quantization;
        }

        weights.Add(weight);
        return this;
    }
}
