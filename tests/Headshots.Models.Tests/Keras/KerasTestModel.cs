using System.Text.Json.Nodes;
using Headshots.Models.Keras;

namespace Headshots.Models.Tests.Keras;

/// <summary>Writes a small TF.js layers model (model.json and one weight shard) the way the TF.js converter lays it out.</summary>
internal sealed class KerasTestModel
{
    private readonly JsonArray layers = [];
    private readonly List<(string Name, int[] Shape, float[] Values)> weights = [];
    private string output = "input_1";

    public KerasTestModel(int channels = 1)
    {
        layers.Add(new JsonObject
        {
            ["class_name"] = "InputLayer",
            ["name"] = "input_1",
            ["config"] = new JsonObject { ["batch_input_shape"] = new JsonArray(null, null, null, channels), ["dtype"] = "float32", ["name"] = "input_1" },
            ["inbound_nodes"] = new JsonArray(),
        });
    }

    /// <param name="kernel">Keras layout: [kernel height, kernel width, input channels, filters], row-major.</param>
    public KerasTestModel Conv2D(string name, string from, int inputs, int filters, int kernelSize, float[] kernel, float[]? bias = null,
        string padding = "same", string activation = "linear")
    {
        weights.Add(($"{name}/kernel", [kernelSize, kernelSize, inputs, filters], kernel));
        if (bias is not null) weights.Add(($"{name}/bias", [filters], bias));
        return Layer("Conv2D", name, new JsonObject
        {
            ["filters"] = filters,
            ["kernel_size"] = new JsonArray(kernelSize, kernelSize),
            ["strides"] = new JsonArray(1, 1),
            ["padding"] = padding,
            ["data_format"] = "channels_last",
            ["dilation_rate"] = new JsonArray(1, 1),
            ["activation"] = activation,
            ["use_bias"] = bias is not null,
        }, from);
    }

    public KerasTestModel Weight(string name, int[] shape, float[] values)
    {
        weights.Add((name, shape, values));
        return this;
    }

    public KerasTestModel Layer(string className, string name, JsonObject config, params string[] from)
    {
        config["name"] = name;
        var node = new JsonArray();
        foreach (var source in from) node.Add(new JsonArray(source, 0, 0, new JsonObject()));
        layers.Add(new JsonObject
        {
            ["class_name"] = className,
            ["name"] = name,
            ["config"] = config,
            ["inbound_nodes"] = new JsonArray(node),
        });
        output = name;
        return this;
    }

    /// <summary>Writes the model into a temporary folder, converts it, and removes the folder; the last layer added is the output.</summary>
    public byte[] Convert(bool fuseUpSampling = true)
    {
        var path = Write();
        try
        {
            return KerasLayersConverter.Convert(path, fuseUpSampling);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private string Write()
    {
        var folder = Directory.CreateTempSubdirectory("keras-test-").FullName;
        using (var shard = File.Create(Path.Combine(folder, "group1-shard1of1.bin")))
        {
            foreach (var (_, _, values) in weights)
            {
                foreach (var value in values) shard.Write(BitConverter.GetBytes(value));
            }
        }

        var manifest = new JsonArray(new JsonObject
        {
            ["paths"] = new JsonArray("group1-shard1of1.bin"),
            ["weights"] = new JsonArray(weights.Select(w => (JsonNode)new JsonObject
            {
                ["name"] = w.Name,
                ["shape"] = new JsonArray(w.Shape.Select(d => (JsonNode)d).ToArray()),
                ["dtype"] = "float32",
            }).ToArray()),
        });
        var model = new JsonObject
        {
            ["format"] = "layers-model",
            ["generatedBy"] = "keras v2.10.0",
            ["convertedBy"] = "TensorFlow.js Converter v1.2.6",
            ["modelTopology"] = new JsonObject
            {
                ["keras_version"] = "2.10.0",
                ["backend"] = "tensorflow",
                ["model_config"] = new JsonObject
                {
                    ["class_name"] = "Functional",
                    ["config"] = new JsonObject
                    {
                        ["name"] = "test_model",
                        ["layers"] = layers.DeepClone(),
                        ["input_layers"] = new JsonArray(new JsonArray("input_1", 0, 0)),
                        ["output_layers"] = new JsonArray(new JsonArray(output, 0, 0)),
                    },
                },
            },
            ["weightsManifest"] = manifest,
        };
        var path = Path.Combine(folder, "model.json");
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }
}
