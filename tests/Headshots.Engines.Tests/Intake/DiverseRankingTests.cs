using Headshots.Engines.Intake;

namespace Headshots.Engines.Tests.Intake;

public sealed class DiverseRankingTests
{
    [Fact]
    public void Rank_ManySimilarAndOneDifferent_PutsTheDifferentOneBeforeSlightlyBetterLookalikes()
    {
        // Five frontal, evenly lit photos of nearly equal quality, and one turned to the side in warmer light.
        var candidates = new List<(string Path, double Score, double[] Features)>
        {
            ("a", 2.00, [0.0, 0.0, 1.0]),
            ("b", 1.98, [0.01, 0.0, 1.0]),
            ("c", 1.97, [0.0, 0.01, 1.0]),
            ("d", 1.96, [0.02, 0.0, 1.01]),
            ("turned", 1.80, [0.4, 0.1, 0.7]),
        };

        var ranked = DiverseRanking.Rank(candidates);

        Assert.Equal("a", ranked[0]);
        Assert.Equal("turned", ranked[1]);
        Assert.Equal(candidates.Select(c => c.Path).Order(), ranked.Order());
    }

    [Fact]
    public void Rank_NoSpread_IsPlainQualityOrder()
    {
        var candidates = new List<(string Path, double Score, double[] Features)>
        {
            ("low", 1.0, [0.9, 0, 0]), ("high", 3.0, [0, 0, 0]), ("mid", 2.0, [0.5, 0, 0]),
        };

        Assert.Equal(["high", "mid", "low"], DiverseRanking.Rank(candidates, spread: 0));
    }
}
