namespace Headshots.Engines.Intake;

/// <summary>
/// Orders sources best first while spreading them: each next pick trades quality against how different it is from
/// the ones already picked (head angle, tilt, light), so a shoot with many similar selfies still draws on the
/// few that show another side of the person.
/// </summary>
public static class DiverseRanking
{
    /// <param name="spread">Weight of diversity against quality (quality scores span about 0–3).</param>
    public static List<string> Rank(IReadOnlyList<(string Path, double Score, double[] Features)> candidates, double spread = 1.0)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Path, StringComparer.Ordinal).ToList();
        var picked = new List<(string Path, double Score, double[] Features)>();
        while (remaining.Count > 0)
        {
            var next = picked.Count == 0
                ? remaining[0]
                : remaining.MaxBy(c => c.Score + (spread * picked.Min(p => Distance(p.Features, c.Features))));
            picked.Add(next);
            remaining.Remove(next);
        }

        return picked.Select(p => p.Path).ToList();
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
