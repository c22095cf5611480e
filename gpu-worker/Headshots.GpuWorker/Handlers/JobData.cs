using Headshots.Engines;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Reads parameters and writes result values at one precision.</summary>
internal static class JobData
{
    /// <summary>A measured value as results carry it: four decimals are finer than any threshold that reads them.</summary>
    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    public static ImageMeasurements Measurements(PhotoMeasurements m, int width, int height) =>
        new(width, height, Round(m.Sharpness), Round(m.ClippedHighlights), Round(m.CrushedShadows), Round(m.MeanLuma));

    /// <summary>The job's parameters read by <paramref name="parse"/> (a kind's parameters record); a job error naming the problem.</summary>
    public static T Parameters<T>(GpuJobMessage job, Func<IReadOnlyDictionary<string, string>, T> parse)
    {
        try
        {
            return parse(job.Parameters);
        }
        catch (FormatException e)
        {
            throw new InvalidJobException($"The {job.Kind} job {job.JobId}: {e.Message}");
        }
    }

    /// <summary>Where a reframed image came from, as results carry it.</summary>
    public static PhotoSource? Source(CandidateSource? source) => source is null ? null : new(source.Pixels, Round(source.FrameWidth));

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
