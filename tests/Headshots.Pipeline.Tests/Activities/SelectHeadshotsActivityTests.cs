using Headshots.Pipeline.Activities;

namespace Headshots.Pipeline.Tests.Activities;

public sealed class SelectHeadshotsActivityTests
{
    static CandidateRef Candidate(string look, int variant, double sharpness, double luma = 118, double clipped = 0) =>
        new(look, "4:5", variant, $"work/s/candidates/{look}-{variant}.jpg", sharpness, clipped, 0, luma);

    [Fact]
    public void Select_MoreCandidatesThanKept_KeepsTheSharpestPerLook()
    {
        var candidates = new[]
        {
            Candidate("a", 0, 50), Candidate("a", 1, 400), Candidate("a", 2, 200),
            Candidate("b", 0, 300), Candidate("b", 1, 10),
        };

        var selected = SelectHeadshotsActivity.Select(new SelectionRequest(candidates, KeepPerLook: 2));

        Assert.Equal([1, 2], selected.Where(s => s.Candidate.Look == "a").Select(s => s.Candidate.Variant));
        Assert.Equal([0, 1], selected.Where(s => s.Candidate.Look == "b").Select(s => s.Candidate.Variant));
    }

    [Fact]
    public void Score_BadlyExposedOrClipped_ScoresBelowWellExposed()
    {
        var good = SelectHeadshotsActivity.Score(Candidate("a", 0, 300));
        Assert.True(SelectHeadshotsActivity.Score(Candidate("a", 1, 300, luma: 20)) < good);
        Assert.True(SelectHeadshotsActivity.Score(Candidate("a", 2, 300, clipped: 0.2)) < good);
        Assert.InRange(good, 0, 1);
    }
}
