using System.Text;
using System.Text.Json;
using Headshots.Models.Onnx;

namespace Headshots.Models.Tfjs;

/// <summary>
/// Converts a TF.js graph model (<c>model.json</c> holding a TensorFlow GraphDef, plus its weight shards) into an
/// ONNX model. Inputs and outputs keep the signature's names and TensorFlow's NHWC layout, so callers feed the
/// model exactly as they would feed it in TF.js.
/// </summary>
public static class TfjsGraphConverter
{
    /// <summary>Reads model.json and its weight shards from the same folder; returns a serialised ONNX ModelProto.</summary>
    public static byte[] Convert(string modelJsonPath)
    {
        if (!File.Exists(modelJsonPath))
        {
            throw new ModelConversionException($"The TF.js model '{modelJsonPath}' does not exist.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        }
        catch (JsonException e)
        {
            throw new ModelConversionException($"The TF.js model '{modelJsonPath}' is not valid JSON.", e);
        }

        using (document)
        {
            try
            {
                return Convert(document.RootElement, Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!, Path.GetFileName(modelJsonPath));
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A field missing or of the wrong JSON kind: the file is not the graph model it claims to be.
                throw new ModelConversionException($"The TF.js model '{modelJsonPath}' is malformed: {e.Message}", e);
            }
        }
    }

    private static byte[] Convert(JsonElement root, string folder, string fileName)
    {
        var format = root.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format != "graph-model")
        {
            throw new ModelConversionException($"{fileName} has format '{format}'; only TF.js graph models are converted.");
        }

        if (!root.TryGetProperty("signature", out var signature))
        {
            throw new ModelConversionException($"{fileName} has no signature naming its inputs and outputs.");
        }

        var nodes = root.GetProperty("modelTopology").GetProperty("node").EnumerateArray().Select(n => new TfjsNode(n)).ToArray();
        var weights = TfjsWeights.Read(root.GetProperty("weightsManifest"), folder);
        var inputs = Boundary(signature, "inputs", fileName);
        var outputs = Boundary(signature, "outputs", fileName);

        var graph = new OnnxGraph(Path.GetFileNameWithoutExtension(fileName));
        var conversion = new TfjsConversion(graph, nodes, weights, inputs.Concat(outputs).Select(b => b.Name));
        foreach (var input in inputs)
        {
            var placeholder = conversion.NodeOf(input.Tensor);
            var shape = input.Shape ?? placeholder.Shape("shape")
                ?? throw new ModelConversionException($"Input '{input.Name}' of {fileName} has no known rank.");
            var name = graph.Input(input.Name, shape);
            if (name != input.Name)
            {
                throw new ModelConversionException($"{fileName} names two inputs '{input.Name}'.");
            }

            conversion.Bind(placeholder.Name, new TfjsValue(name, shape));
        }

        foreach (var output in outputs)
        {
            var value = conversion.Value(output.Tensor);
            var shape = output.Shape ?? value.Shape
                ?? throw new ModelConversionException($"Output '{output.Name}' of {fileName} has no known rank.");
            if (value.Shape is { } inferred && !Compatible(inferred, shape))
            {
                throw new ModelConversionException(
                    $"Output '{output.Name}' of {fileName} should have shape {TfjsValue.Describe(shape)} but converts to {TfjsValue.Describe(inferred)}.");
            }

            var name = graph.Identity(value.Name, output.Name);
            if (name != output.Name)
            {
                throw new ModelConversionException($"Output '{output.Name}' of {fileName} clashes with another input or output name.");
            }

            graph.Output(name, shape);
        }

        return graph.ToModelBytes("Headshots.Models.TfjsGraphConverter", new Dictionary<string, string> { ["source"] = fileName });
    }

    private static List<Endpoint> Boundary(JsonElement signature, string kind, string fileName)
    {
        var endpoints = new List<Endpoint>();
        if (!signature.TryGetProperty(kind, out var entries) || entries.ValueKind != JsonValueKind.Object)
        {
            throw new ModelConversionException($"The signature of {fileName} lists no {kind}.");
        }

        foreach (var entry in entries.EnumerateObject())
        {
            var tensor = entry.Value.TryGetProperty("name", out var n) ? n.GetString() ?? entry.Name : entry.Name;
            var dtype = entry.Value.TryGetProperty("dtype", out var d) ? d.GetString() : "DT_FLOAT";
            if (dtype != "DT_FLOAT")
            {
                throw new ModelConversionException($"Signature {kind[..^1]} '{entry.Name}' of {fileName} is {dtype}; only float tensors are supported.");
            }

            var shape = entry.Value.TryGetProperty("tensorShape", out var s) ? TfjsNode.ParseShape(s) : null;
            endpoints.Add(new Endpoint(OnnxName(entry.Name), tensor, shape));
        }

        return endpoints;
    }

    /// <summary>A signature key as an ONNX name: 'input_1:0' becomes 'input_1'.</summary>
    private static string OnnxName(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var name = new StringBuilder(colon < 0 ? key : key[..colon]);
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(name[i]) && name[i] != '_')
            {
                name[i] = '_';
            }
        }

        return name.ToString();
    }

    private static bool Compatible(long[] inferred, long[] declared) =>
        inferred.Length == declared.Length && inferred.Zip(declared).All(p => p.First < 0 || p.Second < 0 || p.First == p.Second);

    private sealed record Endpoint(string Name, string Tensor, long[]? Shape);
}
