using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// Tensors in the element type a session declares, whatever the pipeline computes in: the GPU exports take and give
/// float16, the CPU ones float32, and exports differ on the timestep (float, float16 or int64) and token ids (int32 or
/// int64). The pipeline works in float32 and converts at the session's edge.
/// </summary>
internal static class OrtFeed
{
    /// <summary>Float data as the input <paramref name="name"/> of <paramref name="session"/> wants it (float or float16).</summary>
    public static OrtValue Floats(InferenceSession session, string name, float[] data, long[] shape)
    {
        Float16[]? scratch = null;
        return Floats(session, name, data, shape, ref scratch);
    }

    /// <summary>
    /// The same, converting into <paramref name="halves"/> for a float16 input (made on first use and reused): a loop
    /// feeding one input every step allocates no new buffer for it. The value wraps the buffer, so it must not be
    /// reused before the run that reads it has ended.
    /// </summary>
    public static OrtValue Floats(InferenceSession session, string name, float[] data, long[] shape, ref Float16[]? halves)
    {
        var type = ElementType(session, name);
        switch (type)
        {
            case TensorElementType.Float:
                // Wraps the managed array without copying: the caller keeps it alive until the run ends.
                return OrtValue.CreateTensorValueFromMemory(data, shape);
            case TensorElementType.Float16:
                if (halves is null || halves.Length != data.Length) halves = new Float16[data.Length];
                ToHalf(data, MemoryMarshal.Cast<Float16, Half>(halves.AsSpan()));
                return OrtValue.CreateTensorValueFromMemory(halves, shape);
            default:
                throw new NotSupportedException($"Input '{name}' is {type}; the pipeline feeds float or float16.");
        }
    }

    /// <summary>Token ids as the encoder declares them (int32 in the usual exports, int64 in some).</summary>
    public static OrtValue Ids(InferenceSession session, string name, int[] ids, long[] shape)
    {
        var type = ElementType(session, name);
        return type switch
        {
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(ids, shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(ids.Select(i => (long)i).ToArray(), shape),
            _ => throw new NotSupportedException($"Input '{name}' is {type}; token ids are fed as int32 or int64."),
        };
    }

    /// <summary>The UNet's timestep, one per batch element, in whichever type the export declares.</summary>
    public static OrtValue Timesteps(InferenceSession session, string name, double timestep, int batch)
    {
        var type = ElementType(session, name);
        long[] shape = [batch];
        return type switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat((float)timestep, batch).ToArray(), shape),
            TensorElementType.Float16 => Floats(session, name, Enumerable.Repeat((float)timestep, batch).ToArray(), shape),
            // Karras σ map to whole timesteps already; Euler's are whole by construction.
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat((long)Math.Round(timestep), batch).ToArray(), shape),
            _ => throw new NotSupportedException($"Input '{name}' is {type}; the timestep is fed as float, float16 or int64."),
        };
    }

    /// <summary>Copies a float or float16 output into <paramref name="destination"/> as float32.</summary>
    public static void CopyFloats(OrtValue output, string name, Span<float> destination)
    {
        var info = output.GetTensorTypeAndShape();
        if (info.ElementCount != destination.Length)
        {
            throw new InvalidOperationException($"Output '{name}' has {info.ElementCount} values; the pipeline expected {destination.Length}.");
        }

        switch (info.ElementDataType)
        {
            case TensorElementType.Float:
                output.GetTensorDataAsSpan<float>().CopyTo(destination);
                break;
            case TensorElementType.Float16:
                FromHalf(MemoryMarshal.Cast<Float16, Half>(output.GetTensorDataAsSpan<Float16>()), destination);
                break;
            default:
                throw new NotSupportedException($"Output '{name}' is {info.ElementDataType}; the pipeline reads float or float16.");
        }
    }

    /// <summary>A float or float16 output as a new float32 array, with its shape.</summary>
    public static (float[] Values, long[] Shape) ReadFloats(OrtValue output, string name)
    {
        var info = output.GetTensorTypeAndShape();
        var values = new float[info.ElementCount];
        CopyFloats(output, name, values);
        return (values, info.Shape);
    }

    private static TensorElementType ElementType(InferenceSession session, string name) =>
        session.InputMetadata.TryGetValue(name, out var metadata)
            ? metadata.ElementDataType
            : throw new InvalidOperationException($"The model has no input '{name}' (it has {string.Join(", ", session.InputMetadata.Keys)}).");

    private static void ToHalf(ReadOnlySpan<float> source, Span<Half> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (Half)source[i];
    }

    private static void FromHalf(ReadOnlySpan<Half> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }
}
