using Headshots.Pipeline.Activities;

namespace Headshots.Pipeline.Tests.Activities;

public sealed class SelectHeadshotsActivityTests
{
    static CandidateRef Candidate(string look, int variant, double sharpness, double luma = 118, double clipped = 0, double? identity = null) =>
        new(look, "4:5", variant, $"work/s/candidates/{look}-{variant}.jpg", sharpness, clipped, 0, luma, identity);

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
    public void Select_GeneratedAndReframedCandidates_KeepsGeneratedOnesThatPassFirst()
    {
        var candidates = new[]
        {
            Candidate("a", 0, 900, identity: 0.2),
            Candidate("a", 1, 900, identity: 0.2),
            Candidate("a", 0, 60, identity: 0.4) with { Engine = CandidateEngines.AzureOpenAi },
            Candidate("a", 1, 50, identity: 0.9) with { Engine = CandidateEngines.AzureOpenAi },
        };

        var selected = SelectHeadshotsActivity.Select(new SelectionRequest(candidates, KeepPerLook: 2));

        // The blurrier generated candidate that is the person comes first; the one that drifted never comes at all.
        Assert.Equal([(CandidateEngines.AzureOpenAi, 0), (CandidateEngines.Reframe, 0)], selected.Select(s => (s.Candidate.Engine, s.Candidate.Variant)));
    }

    [Fact]
    public void Score_BadlyExposedOrClipped_ScoresBelowWellExposed()
    {
        var good = SelectHeadshotsActivity.Score(Candidate("a", 0, 300));
        Assert.True(SelectHeadshotsActivity.Score(Candidate("a", 1, 300, luma: 20)) < good);
        Assert.True(SelectHeadshotsActivity.Score(Candidate("a", 2, 300, clipped: 0.2)) < good);
        Assert.InRange(good, 0, 1);
    }

    [Fact]
    public void Select_CandidateFartherThanTheIdentityThreshold_IsNeverDelivered()
    {
        var candidates = new[]
        {
            Candidate("a", 0, 900, identity: 0.65), Candidate("a", 1, 100, identity: 0.30), Candidate("a", 2, 100, identity: 0.59),
        };

        var selected = SelectHeadshotsActivity.Select(new SelectionRequest(candidates, KeepPerLook: 4, IdentityThreshold: 0.6));

        Assert.Equal([1, 2], selected.Select(s => s.Candidate.Variant).Order());
    }

    [Fact]
    public void Score_SameQuality_CloserLikenessScoresHigher()
    {
        Assert.True(SelectHeadshotsActivity.Score(Candidate("a", 0, 300, identity: 0.2)) > SelectHeadshotsActivity.Score(Candidate("a", 1, 300, identity: 0.5)));
    }

    [Fact]
    public void Score_EyesAtAThirdAndAFaceOfHeadshotSize_BeatsTheSameImagePoorlyFramed()
    {
        var framed = Candidate("a", 0, 300) with { EyeLine = 0.35, FaceWidth = 0.35 };
        var eyesLow = framed with { EyeLine = 0.6 };
        var faceTiny = framed with { FaceWidth = 0.08 };

        var score = SelectHeadshotsActivity.Score(framed);

        Assert.True(score > SelectHeadshotsActivity.Score(eyesLow));
        Assert.True(score > SelectHeadshotsActivity.Score(faceTiny));
        Assert.Equal(1, SelectHeadshotsActivity.Framing(framed));
    }
}
