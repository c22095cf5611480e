using System.Collections.Concurrent;
using Headshots.Engines.Faces;
using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Tests.Looks;

/// <summary>Each (portrait, look, variant) composed once for the whole run: several tests judge the same candidate.</summary>
internal static class ComposedCandidates
{
    static readonly ConcurrentDictionary<(string, string, int), Lazy<Candidate>> Cache = new();

    public static FaceAnalyser Faces { get; } = FaceAnalyser.On(TestModels.Models);

    public static ModelHeadshotComposer Composer { get; } = new(Faces, new SelfieSegmenter(TestModels.Models));

    public static Candidate Of(Portrait portrait, LookPreset look, int variant = 0) =>
        Cache.GetOrAdd((portrait.Name, look.Id, variant), _ => new Lazy<Candidate>(() => Composer.Compose(portrait.Bytes(), look, variant, CancellationToken.None))).Value;

    static readonly ConcurrentDictionary<(string, string, int), Lazy<FaceAnalysis>> Analyses = new();

    /// <summary>The face analysis of a composed candidate, once per run.</summary>
    public static FaceAnalysis AnalysisOf(Portrait portrait, LookPreset look, int variant = 0) =>
        Analyses.GetOrAdd((portrait.Name, look.Id, variant), _ => new Lazy<FaceAnalysis>(() => Faces.Analyse(Of(portrait, look, variant).Jpeg))).Value;

    /// <summary>The face analysis of a source portrait, once per run.</summary>
    public static FaceAnalysis AnalysisOf(Portrait portrait) =>
        Analyses.GetOrAdd((portrait.Name, "", -1), _ => new Lazy<FaceAnalysis>(() => Faces.Analyse(portrait.Bytes()))).Value;

    public static TheoryData<string, string> EveryLookOfBothPortraits()
    {
        var data = new TheoryData<string, string>();
        foreach (var look in LookCatalog.All)
        {
            data.Add(Portrait.Astronaut.Name, look.Id);
            data.Add(Portrait.GraceHopper.Name, look.Id);
        }

        return data;
    }
}
