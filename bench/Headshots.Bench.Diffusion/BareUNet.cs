using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Bench.Diffusion;

/// <summary>
/// The pipeline's own UNet session alone, called with ready-made fp32 inputs of one step's shapes: what ONNX Runtime
/// costs, so the pipeline's step time minus this is the C# loop's own overhead.
/// </summary>
internal static class BareUNet
{
    /// <returns>The median milliseconds of one call.</returns>
    public static double MillisecondsPerCall(InferenceSession session, int latentSize, int calls)
    {
        var fp16 = session.InputMetadata["sample"].ElementDataType == TensorElementType.Float16;
        if (fp16) return double.NaN;

        using var sample = OrtValue.CreateTensorValueFromMemory(new float[2 * 9 * latentSize * latentSize], [2, 9, latentSize, latentSize]);
        using var timestep = OrtValue.CreateTensorValueFromMemory(new float[] { 500, 500 }, [2]);
        using var hidden = OrtValue.CreateTensorValueFromMemory(new float[2 * 77 * 2048], [2, 77, 2048]);
        using var pooled = OrtValue.CreateTensorValueFromMemory(new float[2 * 1280], [2, 1280]);
        using var timeIds = OrtValue.CreateTensorValueFromMemory(new float[12], [2, 6]);
        using var run = new RunOptions();
        string[] names = ["sample", "timestep", "encoder_hidden_states", "text_embeds", "time_ids"];
        OrtValue[] values = [sample, timestep, hidden, pooled, timeIds];
        using (session.Run(run, names, values, ["out_sample"]))
        {
        }

        // Per call and the median, as the steps are reported: on a shared machine a mean is mostly other people's work.
        var times = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            using var results = session.Run(run, names, values, ["out_sample"]);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
