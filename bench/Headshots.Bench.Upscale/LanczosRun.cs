using Headshots.Engines.Imaging;
using System.Diagnostics;
using Headshots.Engines.Upscaling;
using ImageMagick;

namespace Headshots.Bench.Upscale;

/// <summary>ImageMagick's Lanczos resize from the same 1024² photo to 4096², as LanczosUpscaler does it (no JPEG encoding).</summary>
internal static class LanczosRun
{
    public static void Measure(RgbImage photo, int repeat, Report report)
    {
        using var input = BenchPhoto.ToMagick(photo);
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            using var copy = (MagickImage)input.Clone();
            var watch = Stopwatch.StartNew();
            copy.FilterType = FilterType.Lanczos;
            copy.Resize(new MagickGeometry(4096, 4096) { IgnoreAspectRatio = true });
            times.Add(watch.Elapsed.TotalSeconds);
        }

        report.Line("lanczos_1mp_to_16mp_s", Report.Median(times));
        report.Line("lanczos_1mp_to_16mp_min_s", times.Min());
    }
}
