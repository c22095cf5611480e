using System.Diagnostics;
using System.Globalization;
using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Engines.Onnx;
using Headshots.Local.Stack;
using ImageMagick;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>bench intake</c>: the whole intake (safe decode, normalise, faces, judgement, comparison) of 15 photos of
/// 12 MP each, as phones take them; time and the process's peak working set. Target: under 5 s and 1 GB on 2 cores.
/// </summary>
public static class IntakeBenchCommand
{
    const double TargetSeconds = 5.0;

    public static int Run(RepositoryPaths paths, CancellationToken cancellationToken)
    {
        var portrait = File.ReadAllBytes(Path.Combine(paths.Samples, "astronaut.png"));
        var photos = SampleShootDeriver.Derive(portrait, 15, seed: 3).Select(p => (p.Name, TwelveMegapixels(p.Jpeg))).ToList();
        using var models = new OnnxModels(new OnnxSettings(paths.Models));
        var intake = new PhotoIntake(new MagickPhotoNormaliser(),
            FaceAnalyser.On(models),
            new IntakeThresholds(), new PhotoLimits());

        // One warm-up photo: loading the models is a worker's start-up cost, not an upload's.
        intake.AssessOne(photos[0].Name, photos[0].Item2, cancellationToken);
        var clock = Stopwatch.StartNew();
        var judgement = intake.Inspect(photos, minAccepted: 8, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine($"bench.intake.photos={photos.Count} pixels_each=3000x4000 bytes_each≈{photos.Average(p => p.Item2.Length) / 1e6:0.0}MB accepted={judgement.AcceptedCount}");
        Console.WriteLine($"bench.intake.total_seconds={seconds.ToString("0.00", CultureInfo.InvariantCulture)} per_photo_ms={(seconds * 1000 / photos.Count).ToString("0", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"bench.intake.peak_working_set_mb={peak.ToString("0", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"bench.intake.target_seconds={TargetSeconds.ToString("0.0", CultureInfo.InvariantCulture)} ratio_to_target={(seconds / TargetSeconds).ToString("0.00", CultureInfo.InvariantCulture)}");
        return 0;
    }

    /// <summary>A 4000×3000 (portrait 3000×4000) JPEG at phone quality from a derived selfie.</summary>
    internal static byte[] TwelveMegapixels(byte[] jpeg)
    {
        using var image = new MagickImage(jpeg);
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry(3000, 4000) { IgnoreAspectRatio = true });
        image.Quality = 90;
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
