using System.Globalization;
using System.Text.Json;
using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Builds the identity profile: with the face models, each accepted photo's embedding, the person's reference
/// identity (a robust mean), and each photo's distance to it; photos of someone else never become sources. The
/// sources are ranked by sharpness and exposure. The profile is written as JSON for the later stages.
/// </summary>
public sealed class IdentityJobHandler(JobBlobs blobs, IQualityMeter meter, FaceAnalyser? faces = null) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Identity;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        if (job.Inputs.Count == 0) throw new InvalidJobException($"The identity job {job.JobId} has no photos.");
        var photos = new List<ProfiledPhoto>();
        foreach (var input in job.Inputs)
        {
            var bytes = await blobs.ReadAsync(input, cancellationToken);
            var m = meter.Measure(bytes);
            var embedding = faces?.Analyse(bytes).Main?.Embedding;
            photos.Add(new ProfiledPhoto(input, m, SourceScore(m), embedding));
        }

        var reference = ReferenceOf(photos);
        var distances = photos.ToDictionary(p => p.Path, p => reference is null || p.Embedding is null ? (double?)null : p.Embedding.DistanceTo(reference));
        var sources = photos.Where(p => reference is null || (distances[p.Path] is { } d && d <= FaceEmbedding.SamePersonThreshold)).ToList();
        if (sources.Count == 0)
        {
            throw new InvalidOperationException("No photo matches the person's reference identity; the photos may show different people.");
        }

        // Stable order: best first, then by name so a re-run ranks identically.
        var ranked = sources.OrderByDescending(s => s.Score).ThenBy(s => s.Path, StringComparer.Ordinal).ToList();
        var summary = new
        {
            shootId = job.ShootId,
            threshold = FaceEmbedding.SamePersonThreshold,
            reference = reference?.Vector,
            photos = photos.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => new
            {
                path = p.Path,
                score = Math.Round(p.Score, 4),
                sharpness = Math.Round(p.Measurements.Sharpness, 2),
                meanLuma = Math.Round(p.Measurements.MeanLuma, 1),
                identityDistance = distances[p.Path] is { } d ? Math.Round(d, 4) : (double?)null,
                source = sources.Contains(p),
            }),
        };
        var profile = await blobs.WriteAsync($"{job.OutputPrefix}profile.json",
            JsonSerializer.SerializeToUtf8Bytes(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), "application/json", cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["ranked"] = string.Join('|', ranked.Select(r => r.Path)),
            ["outliers"] = (photos.Count - sources.Count).ToString(CultureInfo.InvariantCulture),
        };
        return new JobOutcome([profile], data, faces is null ? "magick" : "magick+dlib");
    }

    /// <summary>The reference embedding read back from a profile written by this handler (null without face models).</summary>
    public static FaceEmbedding? ReadReference(byte[] profileJson)
    {
        using var document = JsonDocument.Parse(profileJson);
        return document.RootElement.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.Array
            ? new FaceEmbedding(reference.EnumerateArray().Select(v => v.GetSingle()).ToArray())
            : null;
    }

    private static FaceEmbedding? ReferenceOf(List<ProfiledPhoto> photos)
    {
        var embeddings = photos.Where(p => p.Embedding is not null).Select(p => p.Embedding!).ToList();
        return embeddings.Count == 0 ? null : IdentityReference.RobustMean(embeddings);
    }

    /// <summary>Sharp, well exposed photos make the best sources: log-sharpness minus clipping penalties.</summary>
    internal static double SourceScore(PhotoMeasurements m) =>
        Math.Log10(1 + m.Sharpness) - 4 * m.ClippedHighlights - 4 * m.CrushedShadows - Math.Abs(m.MeanLuma - 120) / 255;

    private sealed record ProfiledPhoto(string Path, PhotoMeasurements Measurements, double Score, FaceEmbedding? Embedding);
}
