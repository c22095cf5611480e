using System.Globalization;
using Headshots.Engines;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Reads parameters and writes result values in one invariant format.</summary>
internal static class JobData
{
    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Measurements(PhotoMeasurements m, int width, int height) => new()
    {
        ["width"] = width.ToString(CultureInfo.InvariantCulture),
        ["height"] = height.ToString(CultureInfo.InvariantCulture),
        ["sharpness"] = Format(m.Sharpness),
        ["clippedHighlights"] = Format(m.ClippedHighlights),
        ["crushedShadows"] = Format(m.CrushedShadows),
        ["meanLuma"] = Format(m.MeanLuma),
    };

    /// <summary>Where a reframed image came from: <c>sourcePixels</c> (the photo's pixels in its frame) and <c>sourceFrameWidth</c>.</summary>
    public static void AddSource(Dictionary<string, string> data, CandidateSource? source)
    {
        if (source is null) return;
        data["sourcePixels"] = source.Pixels.ToString(CultureInfo.InvariantCulture);
        data["sourceFrameWidth"] = Format(source.FrameWidth);
    }

    public static string Required(GpuJobMessage job, string name) =>
        job.Parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidJobException($"The {job.Kind} job {job.JobId} has no '{name}' parameter.");

    /// <summary>An optional yes/no parameter: false when absent, and a job error when it is neither "true" nor "false".</summary>
    public static bool Flag(GpuJobMessage job, string name)
    {
        if (!job.Parameters.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value)) return false;
        return bool.TryParse(value, out var flag)
            ? flag
            : throw new InvalidJobException($"The {job.Kind} job {job.JobId} has '{name}' = '{value}'; expected true or false.");
    }

    public static string SingleInput(GpuJobMessage job) =>
        job.Inputs.Count == 1 ? job.Inputs[0] : throw new InvalidJobException($"The {job.Kind} job {job.JobId} needs exactly one input, got {job.Inputs.Count}.");

    public static string Stem(string path)
    {
        var name = Jobs.Storage.BlobPath.Parse(path).FileName;
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
