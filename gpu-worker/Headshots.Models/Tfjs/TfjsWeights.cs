using System.Text.Json;

namespace Headshots.Models.Tfjs;

/// <summary>
/// Reads TF.js weights: a manifest of groups, each a list of shard files holding the weights back to back.
/// Quantised weights (uint8 and uint16 with scale and min, float16) are expanded to float32.
/// </summary>
public static class TfjsWeights
{
    public static IReadOnlyDictionary<string, TfjsTensor> Read(JsonElement manifest, string folder)
    {
        if (manifest.ValueKind != JsonValueKind.Array)
        {
            throw new ModelConversionException("The weights manifest is not a JSON array of groups.");
        }

        var tensors = new Dictionary<string, TfjsTensor>(StringComparer.Ordinal);
        foreach (var group in manifest.EnumerateArray())
        {
            var data = ReadShards(group, folder);
            var offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                var tensor = ReadWeight(weight, data, ref offset);
                tensors[tensor.Name] = tensor;
            }

            if (offset != data.Length)
            {
                throw new ModelConversionException($"The weight shards in {folder} hold {data.Length} bytes but the manifest describes {offset}.");
            }
        }

        return tensors;
    }

    private static byte[] ReadShards(JsonElement group, string folder)
    {
        using var buffer = new MemoryStream();
        foreach (var path in group.GetProperty("paths").EnumerateArray())
        {
            var name = path.GetString() ?? string.Empty;
            if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
            {
                throw new ModelConversionException($"The weights manifest names an unsafe shard path '{name}'.");
            }

            var file = Path.Combine(folder, name);
            if (!File.Exists(file))
            {
                throw new ModelConversionException($"The weight shard '{name}' is missing from {folder}.");
            }

            using var stream = File.OpenRead(file);
            stream.CopyTo(buffer);
        }

        return buffer.ToArray();
    }

    private static TfjsTensor ReadWeight(JsonElement weight, byte[] data, ref int offset)
    {
        var name = weight.GetProperty("name").GetString() ?? throw new ModelConversionException("A weight has no name.");
        var shape = weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var dtype = weight.TryGetProperty("dtype", out var d) ? d.GetString() : "float32";
        var count = checked((int)shape.Aggregate(1L, (size, dim) => size * dim));

        if (weight.TryGetProperty("quantization", out var quantization) && quantization.ValueKind == JsonValueKind.Object)
        {
            var qtype = quantization.GetProperty("dtype").GetString();
            var values = qtype switch
            {
                "uint8" => Affine(data, ref offset, count, 1, quantization),
                "uint16" => Affine(data, ref offset, count, 2, quantization),
                "float16" => Half(data, ref offset, count),
                _ => throw new ModelConversionException($"Weight '{name}' uses quantisation '{qtype}', which is not supported."),
            };
            return dtype == "int32"
                ? new TfjsTensor(name, shape, null, values.Select(v => (int)MathF.Round(v)).ToArray())
                : new TfjsTensor(name, shape, values, null);
        }

        Require(data, offset, count * 4, name);
        switch (dtype)
        {
            case "float32":
                var floats = new float[count];
                Buffer.BlockCopy(data, offset, floats, 0, count * 4);
                offset += count * 4;
                return new TfjsTensor(name, shape, floats, null);
            case "int32":
                var ints = new int[count];
                Buffer.BlockCopy(data, offset, ints, 0, count * 4);
                offset += count * 4;
                return new TfjsTensor(name, shape, null, ints);
            default:
                throw new ModelConversionException($"Weight '{name}' has dtype '{dtype}', which is not supported.");
        }
    }

    private static float[] Affine(byte[] data, ref int offset, int count, int width, JsonElement quantization)
    {
        var scale = quantization.GetProperty("scale").GetSingle();
        var min = quantization.GetProperty("min").GetSingle();
        Require(data, offset, count * width, "quantised weight");
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            var q = width == 1 ? data[offset + i] : BitConverter.ToUInt16(data, offset + (i * 2));
            values[i] = (q * scale) + min;
        }

        offset += count * width;
        return values;
    }

    private static float[] Half(byte[] data, ref int offset, int count)
    {
        Require(data, offset, count * 2, "float16 weight");
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)BitConverter.ToHalf(data, offset + (i * 2));
        }

        offset += count * 2;
        return values;
    }

    private static void Require(byte[] data, int offset, int bytes, string what)
    {
        if (offset + bytes > data.Length)
        {
            throw new ModelConversionException($"The weight shards end before {what} (needs {bytes} bytes at offset {offset} of {data.Length}).");
        }
    }
}
