using System.Text.Json;

namespace Headshots.Models.Keras;

/// <summary>One output tensor of one call of a layer, as Keras names it: <c>[layer, node index, tensor index]</c>.</summary>
internal readonly record struct KerasTensorRef(string Layer, int Node, int Tensor)
{
    public override string ToString() => $"{Layer}[{Node}][{Tensor}]";
}

/// <summary>A layer of a Functional model; each entry of <see cref="Calls"/> is one call's inputs (shared layers have several).</summary>
internal sealed record KerasLayer(string ClassName, string Name, JsonElement Config, IReadOnlyList<IReadOnlyList<KerasTensorRef>> Calls);

/// <summary>The graph part of a TF.js layers model: its layers, in file order, and the model's inputs and outputs.</summary>
internal sealed record KerasTopology(IReadOnlyList<KerasLayer> Layers, IReadOnlyList<KerasTensorRef> Inputs, IReadOnlyList<KerasTensorRef> Outputs)
{
    public static KerasTopology Parse(JsonElement modelConfig)
    {
        var className = modelConfig.TryGetProperty("class_name", out var c) ? c.GetString() : null;
        if (className is not ("Functional" or "Model"))
        {
            // Sequential configs have no inbound_nodes; the converter would have to invent the wiring.
            throw new ModelConversionException($"The model is a Keras '{className}' model; only Functional models are converted.");
        }

        var config = modelConfig.GetProperty("config");
        var layers = config.GetProperty("layers").EnumerateArray().Select(ParseLayer).ToList();
        return new KerasTopology(layers, ParseRefs(config.GetProperty("input_layers")), ParseRefs(config.GetProperty("output_layers")));
    }

    private static KerasLayer ParseLayer(JsonElement layer)
    {
        var className = layer.GetProperty("class_name").GetString() ?? throw new ModelConversionException("A layer has no class_name.");
        var config = layer.GetProperty("config");
        var name = layer.TryGetProperty("name", out var n) ? n.GetString() : config.GetProperty("name").GetString();
        if (string.IsNullOrEmpty(name))
        {
            throw new ModelConversionException($"A {className} layer has no name.");
        }

        var calls = new List<IReadOnlyList<KerasTensorRef>>();
        if (layer.TryGetProperty("inbound_nodes", out var nodes))
        {
            foreach (var node in nodes.EnumerateArray())
            {
                if (node.ValueKind != JsonValueKind.Array)
                {
                    throw new ModelConversionException($"Layer '{name}' uses the Keras 3 node format, which is not supported (save the model with Keras 2).");
                }

                calls.Add(node.EnumerateArray().Select(ParseRef).ToList());
            }
        }

        return new KerasLayer(className, name, config, calls);
    }

    private static List<KerasTensorRef> ParseRefs(JsonElement refs)
    {
        // A model with one input may write it as a bare [name, node, tensor] rather than a list of them.
        if (refs.ValueKind == JsonValueKind.Array && refs.GetArrayLength() > 0 && refs[0].ValueKind == JsonValueKind.String)
        {
            return [ParseRef(refs)];
        }

        return refs.EnumerateArray().Select(ParseRef).ToList();
    }

    private static KerasTensorRef ParseRef(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() < 3)
        {
            throw new ModelConversionException($"A tensor reference is not [layer, node, tensor]: {entry.GetRawText()}");
        }

        return new KerasTensorRef(entry[0].GetString() ?? string.Empty, entry[1].GetInt32(), entry[2].GetInt32());
    }
}
