using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Orchestrations;

namespace Headshots.Pipeline.Tests.Orchestrations;

/// <summary>The generate stage with a generative engine, on the in-memory durable host: references, budget, likeness gate, top-up.</summary>
public sealed class ShootGenerationTests
{
    [Fact]
    public async Task RunAsync_CloudEngine_GeneratesEveryLookAndVariantFromTheRankedReferencesAndDeliversThemLabelled()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);

        var outcome = await studio.RunAsync(FakeStudio.Input("gen-all", looks: 2, variants: 6, keep: 2, generation: FakeStudio.Cloud(candidates: 3)));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var references = Assert.Single(studio.Submissions, s => s.Kind == GpuJobKinds.References);
        // The identity stage ranks the photos (the fake keeps upload order); the best four go, best first.
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"work/gen-all/photos/inspect-{i:000}.jpg").ToList(), references.Inputs);
        Assert.Equal(6, studio.Generations.Count);
        Assert.All(studio.Generations, g => Assert.Equal(
            Enumerable.Range(0, 4).Select(i => $"work/gen-all/references/{i:00}.jpg").ToList(), g.ReferencePaths));
        Assert.Equal(6, studio.Generations.Select(g => (g.LookId, g.Variant)).Distinct().Count());
        Assert.DoesNotContain(studio.Submissions, s => s.Kind == GpuJobKinds.Generate);
        var published = Assert.Single(studio.Publications);
        Assert.Equal(4, published.Images.Count);
        Assert.All(published.Images, i => Assert.Equal(CandidateEngines.AzureOpenAi, i.Engine));
        Assert.Equal((6, 6, 0, 0, 0.60m), (published.Generation!.Calls, published.Generation.Passed, published.Generation.Drifted, published.Generation.SkippedForBudget,
            published.Generation.Cost));
    }

    [Fact]
    public async Task RunAsync_GeneratedFacesThatDrift_AreMadeOnceMoreWithTheStrongerInstructionThenDroppedAndTheLookIsReframed()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        // Every generated bw-editorial face is someone else; corporate-grey ones are the person.
        studio.Worker = job =>
        {
            var result = FakeStudio.Succeed(job);
            if (job.Kind != GpuJobKinds.Assess) return result;
            var bw = job.Parameters["look"] == "bw-editorial";
            var candidate = result.ValuesAs<CandidateResult>()! with { Aspect = bw ? "1:1" : "4:5", Face = new HeadshotFace(bw ? 0.91 : 0.31, null, null) };
            return result with { Values = candidate };
        };

        var outcome = await studio.RunAsync(FakeStudio.Input("gen-drift", looks: 2, variants: 2, keep: 2, generation: FakeStudio.Cloud(candidates: 3)));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var bw = studio.Generations.Where(g => g.LookId == "bw-editorial").ToList();
        Assert.Equal(6, bw.Count);
        Assert.Equal([1, 1, 1, 2, 2, 2], bw.Select(g => g.Attempt).Order().ToList());
        Assert.Equal(3, studio.Generations.Count(g => g.LookId == "corporate-grey"));
        var reframed = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Generate).ToList();
        Assert.Equal(2, reframed.Count);
        Assert.All(reframed, r => Assert.Equal("bw-editorial", r.Parameters["look"]));
        var published = Assert.Single(studio.Publications);
        Assert.All(published.Images, i => Assert.Equal(i.Look == "bw-editorial" ? CandidateEngines.Reframe : CandidateEngines.AzureOpenAi, i.Engine));
        Assert.DoesNotContain(published.Images, i => i.Look == "bw-editorial" && i.IdentityDistance > 0.6);
        Assert.Equal((3, 3), (published.Generation!.Passed, published.Generation.Drifted));
        Assert.Equal(["bw-editorial"], published.Generation.LooksToppedUp);
    }

    [Fact]
    public async Task RunAsync_BudgetReachedMidShoot_StopsGeneratingWithoutFailingTheShoot()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);

        // 0.25 pays for two calls of 0.10; four may run at once, and still no third is started.
        var outcome = await studio.RunAsync(FakeStudio.Input("gen-budget", looks: 2, variants: 2, keep: 2, generation: FakeStudio.Cloud(candidates: 3, budget: 0.25m)));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        Assert.Equal(2, studio.Generations.Count);
        var summary = Assert.Single(studio.Publications).Generation!;
        Assert.Equal((2, 4, 0.20m), (summary.Calls, summary.SkippedForBudget, summary.Cost));
        Assert.True(summary.Cost <= summary.Budget);
    }

    [Fact]
    public async Task RunAsync_StudioDailyBudgetSpentMidShoot_StopsGeneratingFallsBackToReframedLooksAndSaysSo()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        // The studio's day has 0.25 left: two calls of 0.10 are made, and the activity refuses the rest (as the runner
        // does) while the shoot's own budget of 3.00 is far from reached.
        var day = Limits.DailySpends.Create(0.25m);
        studio.Generator = g =>
        {
            var reservation = day.TryReserveAsync(0.10m, CancellationToken.None).GetAwaiter().GetResult();
            if (reservation is null)
            {
                return new GenerativeEditOutput(false, null, GenerativeEditFailure.DailyBudgetReached, GenerativeEditMessages.DailyBudgetReached, 0, 0, "v1");
            }
            day.SettleAsync(reservation, 0.10m, CancellationToken.None).GetAwaiter().GetResult();
            return FakeStudio.Generated(g);
        };

        var outcome = await studio.RunAsync(FakeStudio.Input("gen-daily", looks: 2, variants: 2, keep: 2, generation: FakeStudio.Cloud(candidates: 3, concurrent: 2)));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var published = Assert.Single(studio.Publications);
        var summary = published.Generation!;
        // Two made; the first refusal stops the shoot's generation: the call beside it is refused too, the other two never start.
        Assert.Equal((2, 0.20m, 0, 0), (summary.Calls, summary.Cost, summary.SkippedForBudget, summary.Failed));
        Assert.Equal(4, summary.SkippedForDailyBudget);
        Assert.InRange(studio.Generations.Count, 3, 4);
        Assert.Equal(4, published.Images.Count);
        Assert.Equal(2, published.Images.Count(i => i.Engine == CandidateEngines.Reframe));
        var notes = GenerationNotes.For(new GalleryManifest("gen-daily", "Ada", DateTimeOffset.UnixEpoch, [], Generation: summary));
        Assert.Contains(notes, n => n.Contains("budget for generated images today was spent, so 4 more images were not generated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ModelRefusesSomeCandidates_CountsThemAndTheShootStillDelivers()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.Generator = g => g.Variant == 0
            ? new GenerativeEditOutput(false, null, GenerativeEditFailure.ContentFiltered, GenerativeEditMessages.ContentFiltered, 1, 0, "v1")
            : FakeStudio.Generated(g);

        var outcome = await studio.RunAsync(FakeStudio.Input("gen-refused", looks: 2, variants: 2, keep: 2, generation: FakeStudio.Cloud(candidates: 3)));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var summary = Assert.Single(studio.Publications).Generation!;
        Assert.Equal((2, 4, GenerativeEditMessages.ContentFiltered), (summary.Failed, summary.Passed, summary.FailureMessage));
        Assert.Equal(0.40m, summary.Cost);
    }

    [Fact]
    public async Task RunAsync_ConcurrencyLimit_NeverHasMoreCallsInFlight()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);

        await studio.RunAsync(FakeStudio.Input("gen-window", looks: 2, variants: 2, keep: 2, generation: FakeStudio.Cloud(candidates: 4, concurrent: 2)));

        Assert.Equal(8, studio.Generations.Count);
        Assert.InRange(studio.MostConcurrentGenerations, 1, 2);
    }

    [Fact]
    public async Task RunAsync_ReframeEngine_MakesNoModelCallsAndNoReferencesUnlessCloudEditsNeedThem()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        var reframe = FakeStudio.Cloud() with { Engine = CandidateEngines.Reframe };

        await studio.RunAsync(FakeStudio.Input("gen-reframe", generation: reframe));
        await studio.RunAsync(FakeStudio.Input("gen-reframe-edits", generation: reframe with { MakeReferences = true }));

        Assert.Empty(studio.Generations);
        var references = Assert.Single(studio.Submissions, s => s.Kind == GpuJobKinds.References);
        Assert.Equal("gen-reframe-edits", references.ShootId);
        Assert.All(studio.Publications, p => Assert.Null(p.Generation));
        Assert.Equal(2, studio.Publications.Count);
    }

    [Fact]
    public async Task RunAsync_DiffusionEngine_PaintsEachCandidateOnTheWorkerFromOneReferenceWithItsOwnSeed()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        var diffusion = FakeStudio.Cloud(candidates: 3) with
        {
            Engine = CandidateEngines.OnnxDiffusion, CallEstimateSquare = 0, CallEstimatePortrait = 0,
            Diffusion = new DiffusionSettings(30, 0.3, "dpmpp-2m-karras", 832, 1216, 1024, 1024),
        };

        var outcome = await studio.RunAsync(FakeStudio.Input("gen-diffuse", looks: 2, variants: 2, keep: 2, generation: diffusion));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        Assert.Empty(studio.Generations);
        var painted = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Diffuse).ToList();
        Assert.Equal(6, painted.Count);
        // The variant picks the reference: variants 0, 1, 2 of a look start from the three best photos.
        Assert.Equal(["work/gen-diffuse/references/00.jpg", "work/gen-diffuse/references/01.jpg", "work/gen-diffuse/references/02.jpg"],
            painted.Where(p => p.JobId.Contains("corporate-grey", StringComparison.Ordinal)).OrderBy(p => p.JobId, StringComparer.Ordinal).Select(p => p.Inputs.Single()));
        Assert.Equal(6, painted.Select(p => p.Parameters["seed"]).Distinct().Count());
        Assert.All(painted, p => Assert.True(p.Parameters["prompt"].Length < 300, "a diffusion prompt must fit CLIP's 77 tokens"));
        Assert.Equal(["1024x1024", "1024x1024", "1024x1024", "832x1216", "832x1216", "832x1216"],
            painted.Select(p => $"{p.Parameters["width"]}x{p.Parameters["height"]}").Order());
        var published = Assert.Single(studio.Publications);
        Assert.All(published.Images, i => Assert.Equal(CandidateEngines.OnnxDiffusion, i.Engine));
        Assert.Equal((0m, 6), (published.Generation!.Cost, published.Generation.Passed));
    }
}
