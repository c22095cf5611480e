using System.Globalization;
using Headshots.Jobs.Protocol;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>The numbers a GPU job reports in its result data, read in the invariant format the worker writes.</summary>
internal static class GpuResultValues
{
    public static double? OptionalNumber(this GpuJobResult result, string key) =>
        result.Data.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>0 when the job did not report it.</summary>
    public static double Number(this GpuJobResult result, string key) => result.OptionalNumber(key) ?? 0;
}
