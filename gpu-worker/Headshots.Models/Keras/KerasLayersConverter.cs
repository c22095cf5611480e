using System.Text.Json;
using Headshots.Models.Onnx;
using Headshots.Models.Tfjs;

namespace Headshots.Models.Keras;

/// <summary>
/// Converts a TF.js layers model (a Keras Functional model with its weights) to ONNX. The graph's boundary keeps the
/// source's layout, input <c>input</c> and output <c>output</c> both NHWC, with one transpose at each end; inside it
/// is NCHW, the layout ONNX convolutions take.
/// </summary>
public static class KerasLayersConverter
{
    public const string InputName = "input";
    public const string OutputName = "output";

    public static byte[] Convert(string modelJsonPath) => Convert(modelJsonPath, fuseUpSampling: true);

    /// <param name="fuseUpSampling">False keeps every UpSampling2D as a Resize; tests use it to check the fusion.</param>
    internal static byte[] Convert(string modelJsonPath, bool fuseUpSampling)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelJsonPath);
        if (!File.Exists(modelJsonPath))
        {
            throw new ModelConversionException($"The layers model {modelJsonPath} does not exist.");
        }

        using var document = ParseJson(modelJsonPath);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format is not (null or "layers-model"))
        {
            throw new ModelConversionException($"{modelJsonPath} is a '{format}' model, not a TF.js layers model.");
        }

        if (!root.TryGetProperty("modelTopology", out var topology) || !root.TryGetProperty("weightsManifest", out var manifest))
        {
            throw new ModelConversionException($"{modelJsonPath} has no modelTopology or no weightsManifest.");
        }

        var modelConfig = topology.TryGetProperty("model_config", out var mc) ? mc : topology;
        var keras = KerasTopology.Parse(modelConfig);
        var weights = TfjsWeights.Read(manifest, Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!);
        var name = modelConfig.GetProperty("config").TryGetProperty("name", out var n) ? n.GetString() ?? "keras" : "keras";
        return Build(keras, new KerasLayerWeights(weights), name, fuseUpSampling);
    }

    private static byte[] Build(KerasTopology keras, KerasLayerWeights weights, string name, bool fuseUpSampling)
    {
        if (keras.Inputs.Count != 1 || keras.Outputs.Count != 1)
        {
            throw new ModelConversionException(
                $"The model has {keras.Inputs.Count} inputs and {keras.Outputs.Count} outputs; only single-input, single-output models are converted.");
        }

        var graph = new OnnxGraph(name);
        var layers = keras.Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
        var values = new Dictionary<KerasTensorRef, KerasValue>();
        var inputLayer = layers.GetValueOrDefault(keras.Inputs[0].Layer);
        if (inputLayer is not { ClassName: "InputLayer" })
        {
            throw new ModelConversionException($"The model input '{keras.Inputs[0].Layer}' is not an InputLayer.");
        }

        values[keras.Inputs[0]] = Input(graph, inputLayer);
        var deferred = fuseUpSampling ? FusableUpSamplings(keras) : new HashSet<string>();
        EmitInDependencyOrder(keras.Layers, values, new KerasLayerEmitter(graph, weights, deferred));

        var result = values.GetValueOrDefault(keras.Outputs[0])
            ?? throw new ModelConversionException($"The model output {keras.Outputs[0]} is not produced by any layer.");
        var nhwc = graph.Node("Transpose", [result.Tensor], "to_nhwc", OnnxAttribute.Of("perm", 0L, 2, 3, 1));
        var output = graph.Identity(nhwc, OutputName);
        graph.Output(output, -1, -1, -1, result.Channels ?? -1);
        return graph.ToModelBytes("headshots-keras-layers", new Dictionary<string, string> { ["source_model"] = name, ["layout"] = "NHWC" });
    }

    private static KerasValue Input(OnnxGraph graph, KerasLayer layer)
    {
        var shape = layer.Config.TryGetProperty("batch_input_shape", out var s) || layer.Config.TryGetProperty("batch_shape", out s)
            ? s.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number ? d.GetInt64() : -1).ToArray()
            : throw new ModelConversionException($"Input layer '{layer.Name}' has no batch_input_shape.");
        if (shape.Length != 4)
        {
            throw new ModelConversionException($"Input layer '{layer.Name}' has rank {shape.Length}; only images (N, H, W, C) are converted.");
        }

        // The batch stays dynamic even when the source fixed it, as Keras does at inference.
        var input = graph.Input(InputName, -1, shape[1], shape[2], shape[3]);
        var nchw = graph.Node("Transpose", [input], "to_nchw", OnnxAttribute.Of("perm", 0L, 3, 1, 2));
        return new KerasValue(nchw, shape[3] > 0 ? (int)shape[3] : null);
    }

    /// <summary>UpSampling2D layers called once whose only reader is a convolution that can do the up-sampling itself.</summary>
    private static HashSet<string> FusableUpSamplings(KerasTopology keras)
    {
        var readers = keras.Layers
            .SelectMany(l => l.Calls.SelectMany(inputs => inputs.Select(i => (Source: i, Reader: l))))
            .ToLookup(r => r.Source, r => r.Reader);
        var fusable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in keras.Layers.Where(l => l.ClassName == "UpSampling2D" && l.Calls.Count == 1))
        {
            var output = new KerasTensorRef(layer.Name, 0, 0);
            var reader = readers[output].ToList();
            if (!keras.Outputs.Contains(output) && reader.Count == 1 && reader[0].Calls.Count == 1 && reader[0].Calls[0].Count == 1
                && KerasSubpixelConv.CanFuse(layer, reader[0]))
            {
                fusable.Add(layer.Name);
            }
        }

        return fusable;
    }

    /// <summary>File order is usually topological, but a shared layer's later calls can use layers listed after it.</summary>
    private static void EmitInDependencyOrder(IReadOnlyList<KerasLayer> layers, Dictionary<KerasTensorRef, KerasValue> values, KerasLayerEmitter emitter)
    {
        var pending = layers
            .Where(l => l.ClassName != "InputLayer")
            .SelectMany(l => l.Calls.Select((inputs, call) => (Layer: l, Call: call, Inputs: inputs)))
            .ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FindIndex(p => p.Inputs.All(values.ContainsKey));
            if (ready < 0)
            {
                var stuck = pending[0];
                var missing = stuck.Inputs.First(i => !values.ContainsKey(i));
                throw new ModelConversionException($"Layer '{stuck.Layer.Name}' needs {missing}, which no layer produces (or the graph has a cycle).");
            }

            var (layer, call, inputs) = pending[ready];
            pending.RemoveAt(ready);
            values[new KerasTensorRef(layer.Name, call, 0)] = emitter.Emit(layer, inputs.Select(i => values[i]).ToList());
        }
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new ModelConversionException($"{path} is not valid JSON: {e.Message}", e);
        }
    }
}
