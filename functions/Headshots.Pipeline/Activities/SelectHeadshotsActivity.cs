using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>
/// Scores every candidate and keeps the best N per look. A candidate whose face is farther from the person's
/// reference identity than the threshold is discarded whatever its quality: never deliver someone else.
/// </summary>
public sealed class SelectHeadshotsActivity : TaskActivity<SelectionRequest, List<SelectedHeadshot>>
{
    public override Task<List<SelectedHeadshot>> RunAsync(TaskActivityContext context, SelectionRequest request) =>
        Task.FromResult(Select(request));

    internal static List<SelectedHeadshot> Select(SelectionRequest request) =>
        request.Candidates
            .Where(c => c.IdentityDistance is null || c.IdentityDistance <= request.IdentityThreshold)
            .GroupBy(c => c.Look, StringComparer.Ordinal)
            .SelectMany(look => look
                .Select(c => new SelectedHeadshot(c, Score(c, request.IdentityThreshold)))
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.Candidate.Variant)
                .Take(request.KeepPerLook))
            .ToList();

    /// <summary>
    /// 0..1: quality (sharpness, saturating; distance from mid exposure; clipped highlights and crushed shadows)
    /// and, when measured, likeness (how far inside the identity threshold the face is).
    /// </summary>
    internal static double Score(CandidateRef c, double identityThreshold = 0.6)
    {
        var sharp = 1 - Math.Exp(-c.Sharpness / 200);
        var exposure = 1 - Math.Min(1, Math.Abs(c.MeanLuma - 118) / 118);
        var clipping = Math.Min(1, 5 * (c.ClippedHighlights + c.CrushedShadows));
        var quality = 0.55 * sharp + 0.35 * exposure + 0.10 * (1 - clipping);
        var score = c.IdentityDistance is { } d ? 0.7 * quality + 0.3 * (1 - Math.Min(1, d / identityThreshold)) : quality;
        return Math.Round(Math.Clamp(score, 0, 1), 4);
    }
}
