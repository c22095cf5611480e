using System.Text.Json;
using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Builds the identity profile from the photos intake accepted one by one. With the face models it first compares
/// them (<see cref="ShootJudge"/>): photos of someone else and near-duplicates are rejected, and without a clear
/// majority person the shoot cannot go on. The rest become sources, best first but spread over angles and light.
/// </summary>
public sealed class IdentityJobHandler(JobBlobs blobs, IQualityMeter meter, FaceAnalyser? faces = null, IntakeThresholds? thresholds = null) : IGpuJobHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    const int PhotosAtOnce = 2;

    public string Kind => GpuJobKinds.Identity;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        if (job.Inputs.Count == 0) throw new InvalidJobException($"The identity job {job.JobId} has no photos.");
        var minAccepted = JobData.Parameters(job, IdentityJobParameters.Parse).MinAccepted;
        // The photos are profiled two at a time: the job runs alone between intake and generation, and one photo's
        // decode and face models leave much of a second core idle. The list keeps the inputs' order.
        var profiled = new ProfiledPhoto[job.Inputs.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, job.Inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PhotosAtOnce, CancellationToken = cancellationToken }, async (i, token) =>
            {
                var input = job.Inputs[i];
                var bytes = await blobs.ReadAsync(input, token);
                var measured = meter.Measure(bytes);
                var (assessment, chip) = faces is null ? (null, null) : Assess(input, bytes, faces);
                profiled[i] = new ProfiledPhoto(input, measured, SourceScore(measured), assessment, chip);
            });
        var photos = profiled.ToList();

        var judgement = faces is null ? null : new ShootJudge(thresholds ?? new IntakeThresholds()).Judge(photos.Select(p => p.Assessment!).ToList(), minAccepted);
        var verdicts = judgement?.Photos.ToDictionary(a => a.Name) ?? [];
        var sources = photos.Where(p => judgement is null || verdicts[p.Path].Accepted).ToList();
        var ranked = DiverseRanking.Rank(sources.Select(s => (s.Path, s.Score, Features(s, verdicts))).ToList());
        foreach (var source in sources.Where(s => s.Chip is not null))
        {
            // The aligned face each embedding was computed from: the profile's evidence and the studio's reference crops.
            await blobs.WriteAsync($"{job.OutputPrefix}faces/{JobData.Stem(source.Path)}.jpg", source.Chip!, "image/jpeg", cancellationToken);
        }

        var profile = await blobs.WriteAsync($"{job.OutputPrefix}profile.json", JsonSerializer.SerializeToUtf8Bytes(new
        {
            shootId = job.ShootId,
            threshold = thresholds?.SamePersonDistance ?? FaceEmbedding.SamePersonThreshold,
            reference = judgement?.Reference?.Vector,
            problem = judgement?.Problem,
            photos = photos.Select(p => new
            {
                path = p.Path,
                score = Math.Round(p.Score, 4),
                sharpness = Math.Round(p.Measurements.Sharpness, 2),
                meanLuma = Math.Round(p.Measurements.MeanLuma, 1),
                identityDistance = verdicts.GetValueOrDefault(p.Path)?.IdentityDistance,
                embedding = p.Assessment?.Embedding?.Vector,
                rejected = verdicts.GetValueOrDefault(p.Path)?.Code,
                source = ranked.Contains(p.Path),
            }),
        }, Json), "application/json", cancellationToken);

        var comparison = judgement is null ? null : new IdentityComparison(
            judgement.Photos.Where(p => !p.Accepted).Select(p => new RejectedPhoto(p.Name, p.Code!, p.Reason!, p.Tip!, p.IdentityDistance)).ToList(),
            judgement.Photos.Where(p => p.IdentityDistance is not null).ToDictionary(p => p.Name, p => p.IdentityDistance!.Value),
            judgement.Problem);
        return new JobOutcome(new IdentityResult(profile, ranked, photos.Count - sources.Count, comparison), faces is null ? "magick" : "magick+dlib");
    }

    /// <summary>The reference embedding read back from a profile written by this handler (null without face models).</summary>
    public static FaceEmbedding? ReadReference(byte[] profileJson)
    {
        using var document = JsonDocument.Parse(profileJson);
        return document.RootElement.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.Array
            ? new FaceEmbedding(reference.EnumerateArray().Select(v => v.GetSingle()).ToArray())
            : null;
    }

    /// <summary>Sharp, well exposed photos make the best sources: log-sharpness minus clipping penalties.</summary>
    internal static double SourceScore(PhotoMeasurements m) =>
        Math.Log10(1 + m.Sharpness) - 4 * m.ClippedHighlights - 4 * m.CrushedShadows - Math.Abs(m.MeanLuma - 120) / 255;

    private static (PhotoAssessment? Assessment, byte[]? Chip) Assess(string path, byte[] bytes, FaceAnalyser faces)
    {
        var image = RgbImage.Decode(bytes, FaceAnalyser.AnalysisEdge);
        var analysis = faces.Analyse(image);
        var main = analysis.Main;
        var assessment = new PhotoAssessment(path, analysis.Faces.Count, [], main is null ? 0 : main.Detection.Box.Width / analysis.ImageWidth,
            main?.Landmarks.Yaw ?? 0, main?.Landmarks.RollDegrees ?? 0, null, PerceptualHash.Of(image), main?.Embedding,
            main is null ? [IntakeReasons.NoFace] : []);
        if (main is null)
        {
            return (assessment, null);
        }

        using var chip = FaceChip.Cut(image, main.Landmarks, ChipSize).ToMagick();
        chip.Quality = 90;
        return (assessment, chip.ToByteArray(ImageMagick.MagickFormat.Jpeg));
    }

    private const int ChipSize = 256;

    /// <summary>What makes two sources look different: head turn, tilt and brightness.</summary>
    private static double[] Features(ProfiledPhoto p, Dictionary<string, PhotoAssessment> verdicts) =>
        verdicts.GetValueOrDefault(p.Path) is { } a
            ? [a.Yaw, a.RollDegrees / 30, p.Measurements.MeanLuma / 128]
            : [0, 0, p.Measurements.MeanLuma / 128];

    private sealed record ProfiledPhoto(string Path, PhotoMeasurements Measurements, double Score, PhotoAssessment? Assessment, byte[]? Chip);
}
