using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Scores every candidate and keeps the best N per look.</summary>
public sealed class SelectHeadshotsActivity : TaskActivity<SelectionRequest, List<SelectedHeadshot>>
{
    public override Task<List<SelectedHeadshot>> RunAsync(TaskActivityContext context, SelectionRequest request) =>
        Task.FromResult(Select(request));

    internal static List<SelectedHeadshot> Select(SelectionRequest request) =>
        request.Candidates
            .GroupBy(c => c.Look, StringComparer.Ordinal)
            .SelectMany(look => look
                .Select(c => new SelectedHeadshot(c, Score(c)))
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.Candidate.Variant)
                .Take(request.KeepPerLook))
            .ToList();

    /// <summary>
    /// Quality in 0..1: sharpness (saturating), minus clipped highlights and crushed shadows, minus distance from
    /// mid exposure. Identity distance joins this score when the face models land.
    /// </summary>
    internal static double Score(CandidateRef c)
    {
        var sharp = 1 - Math.Exp(-c.Sharpness / 200);
        var exposure = 1 - Math.Min(1, Math.Abs(c.MeanLuma - 118) / 118);
        var clipping = Math.Min(1, 5 * (c.ClippedHighlights + c.CrushedShadows));
        return Math.Round(Math.Clamp(0.55 * sharp + 0.35 * exposure + 0.10 * (1 - clipping), 0, 1), 4);
    }
}
