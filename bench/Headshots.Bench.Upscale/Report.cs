using System.Globalization;

namespace Headshots.Bench.Upscale;

/// <summary>One <c>bench.upscale.KEY=VALUE</c> line per measurement, written as it is taken.</summary>
internal sealed class Report
{
    public void Line(string key, object value)
    {
        var text = value switch
        {
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        Console.WriteLine($"bench.upscale.{key}={text}");
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
