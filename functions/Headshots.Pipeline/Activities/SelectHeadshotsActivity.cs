using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>
/// Scores every candidate and keeps the best N per look. A candidate whose face is farther from the person's
/// reference identity than the threshold is discarded whatever its quality: never deliver someone else. Generated
/// candidates that pass come before reframed ones (they are what the person ordered); reframed ones fill the rest.
/// </summary>
public sealed class SelectHeadshotsActivity : TaskActivity<SelectionRequest, List<SelectedHeadshot>>
{
    public override Task<List<SelectedHeadshot>> RunAsync(TaskActivityContext context, SelectionRequest request) =>
        Task.FromResult(Select(request));

    /// <summary>The selection itself: pure, so the Functions app calls it without a durable context.</summary>
    public static List<SelectedHeadshot> Select(SelectionRequest request) =>
        request.Candidates
            .Where(c => c.IdentityDistance is null || c.IdentityDistance <= request.IdentityThreshold)
            .GroupBy(c => c.Look, StringComparer.Ordinal)
            .SelectMany(look => look
                .Select(c => new SelectedHeadshot(c, Score(c, request.IdentityThreshold)))
                .OrderByDescending(s => CandidateEngines.IsGenerated(s.Candidate.Engine))
                .ThenByDescending(s => s.Score)
                .ThenBy(s => s.Candidate.Variant)
                .Take(request.KeepPerLook))
            .ToList();

    /// <summary>
    /// 0..1: quality (sharpness, saturating; distance from mid exposure; clipped highlights and crushed shadows),
    /// framing (eyes near a third from the top, a face neither lost in the frame nor cropped tight) and, when
    /// measured, likeness (how far inside the identity threshold the face is).
    /// </summary>
    internal static double Score(CandidateRef c, double identityThreshold = 0.6)
    {
        var sharp = 1 - Math.Exp(-c.Sharpness / 200);
        var exposure = 1 - Math.Min(1, Math.Abs(c.MeanLuma - 118) / 118);
        var clipping = Math.Min(1, 5 * (c.ClippedHighlights + c.CrushedShadows));
        var quality = 0.55 * sharp + 0.35 * exposure + 0.10 * (1 - clipping);
        if (Framing(c) is { } framing) quality = 0.75 * quality + 0.25 * framing;
        var score = c.IdentityDistance is { } d ? 0.7 * quality + 0.3 * (1 - Math.Min(1, d / identityThreshold)) : quality;
        return Math.Round(Math.Clamp(score, 0, 1), 4);
    }

    /// <summary>
    /// 0..1 from where the face sits: 1 with the eyes at 30–40 % of the height and a face 25–45 % of the width,
    /// falling off linearly outside those bands.
    /// </summary>
    internal static double? Framing(CandidateRef c)
    {
        if (c.EyeLine is not { } eyes || c.FaceWidth is not { } width) return null;
        var eyeScore = 1 - Math.Min(1, Distance(eyes, 0.30, 0.40) / 0.15);
        var widthScore = 1 - Math.Min(1, Distance(width, 0.25, 0.45) / 0.20);
        return (eyeScore + widthScore) / 2;

        static double Distance(double value, double low, double high) => value < low ? low - value : value > high ? value - high : 0;
    }
}
