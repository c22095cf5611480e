using System.Text.Json;
using Headshots.Engines;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>
/// Builds the identity profile: ranks the accepted photos as sources for the looks and writes a JSON summary.
/// Face landmarks and embeddings join this profile when the face models land.
/// </summary>
public sealed class IdentityJobHandler(JobBlobs blobs, IQualityMeter meter) : IGpuJobHandler
{
    public string Kind => GpuJobKinds.Identity;

    public async Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken)
    {
        if (job.Inputs.Count == 0) throw new InvalidJobException($"The identity job {job.JobId} has no photos.");
        var scored = new List<(string Path, PhotoMeasurements M, double Score)>();
        foreach (var input in job.Inputs)
        {
            var m = meter.Measure(await blobs.ReadAsync(input, cancellationToken));
            scored.Add((input, m, SourceScore(m)));
        }
        // Stable order: best first, then by name so a re-run ranks identically.
        var ranked = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Path, StringComparer.Ordinal).ToList();
        var summary = new
        {
            shootId = job.ShootId,
            photos = ranked.Select(r => new { path = r.Path, score = Math.Round(r.Score, 4), sharpness = Math.Round(r.M.Sharpness, 2), meanLuma = Math.Round(r.M.MeanLuma, 1) }),
            embedding = (double[]?)null,
            note = "Ranked by sharpness and exposure; face embeddings are added by the face models.",
        };
        var profile = await blobs.WriteAsync($"{job.OutputPrefix}profile.json",
            JsonSerializer.SerializeToUtf8Bytes(summary, new JsonSerializerOptions { WriteIndented = true }), "application/json", cancellationToken);
        return new JobOutcome([profile], new Dictionary<string, string> { ["ranked"] = string.Join('|', ranked.Select(r => r.Path)) }, "magick");
    }

    /// <summary>Sharp, well exposed photos make the best sources: log-sharpness minus clipping penalties.</summary>
    internal static double SourceScore(PhotoMeasurements m) =>
        Math.Log10(1 + m.Sharpness) - 4 * m.ClippedHighlights - 4 * m.CrushedShadows - Math.Abs(m.MeanLuma - 120) / 255;
}
