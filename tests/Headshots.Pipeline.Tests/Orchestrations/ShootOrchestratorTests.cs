using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Orchestrations;

namespace Headshots.Pipeline.Tests.Orchestrations;

public sealed class ShootOrchestratorTests
{
    [Fact]
    public async Task RunAsync_HealthyShoot_RunsEveryStageInOrderAndDelivers()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-order", looks: 2, variants: 3, keep: 2));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        Assert.Equal(4, outcome.Delivered);
        var stages = studio.Stages.Select(s => s.Stage).Distinct().ToList();
        Assert.Equal([.. ShootStages.Pipeline, ShootStages.Delivered], stages);
        var delivered = Assert.Single(studio.Notifications);
        Assert.Equal(NotificationKinds.Delivered, delivered.Kind);
        Assert.Equal(4, delivered.Images);
    }

    [Fact]
    public async Task RunAsync_FanOut_SubmitsOneJobPerPhotoLookVariantAndSelection()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 12);

        await studio.RunAsync(FakeStudio.Input("shoot-fanout", looks: 2, variants: 4, keep: 3));

        var byKind = studio.Submissions.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(12, byKind[GpuJobKinds.Inspect]);
        Assert.Equal(1, byKind[GpuJobKinds.Identity]);
        Assert.Equal(8, byKind[GpuJobKinds.Generate]);
        Assert.Equal(6, byKind[GpuJobKinds.Enhance]);
        Assert.Equal(6, byKind[GpuJobKinds.Upscale]);
        Assert.All(studio.Submissions, s => Assert.Equal("shoot-fanout", s.InstanceId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_DeliverWebPSetting_GoesToEveryUpscaleJobAndItsWebPFilesArePublished(bool webP)
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);

        var outcome = await studio.RunAsync(FakeStudio.Input($"shoot-webp-{webP}", looks: 2, variants: 2, keep: 1, webP: webP));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var upscales = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Upscale).ToList();
        Assert.Equal(2, upscales.Count);
        Assert.All(upscales, u => Assert.Equal(webP ? "true" : "false", u.Parameters[UpscaleJob.WebPParameter]));
        var published = Assert.Single(studio.Publications);
        Assert.Equal(2, published.Images.Count);
        Assert.All(published.Images, i =>
        {
            Assert.EndsWith(".jpg", i.Full, StringComparison.Ordinal);
            Assert.Equal(webP ? i.Full[..^4] + ".webp" : null, i.FullWebP);
            Assert.Equal(webP ? i.Web[..^4] + ".webp" : null, i.WebWebP);
        });
    }

    [Fact]
    public async Task RunAsync_OneVariantFails_ShootStillDeliversTheOthers()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.Worker = job => job.JobId == "generate-corporate-grey-01"
            ? GpuJobResult.Failure(job.JobId, job.InstanceId, "failed", "out of memory")
            : FakeStudio.Succeed(job);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-variant-fails", looks: 1, variants: 3, keep: 3));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        Assert.Equal(2, outcome.Delivered);
        Assert.DoesNotContain(studio.Submissions, s => s.Kind == GpuJobKinds.Upscale && s.JobId.EndsWith("corporate-grey-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_JobGivesNoResult_ResubmitsSameJobWithNextAttempt()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 8);
        var silentOnce = 0;
        studio.Worker = job => job.Kind == GpuJobKinds.Identity && Interlocked.Increment(ref silentOnce) == 1 ? null : FakeStudio.Succeed(job);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-timeout", looks: 1, variants: 1, keep: 1, timeout: TimeSpan.FromSeconds(2)));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var identity = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Identity).ToList();
        Assert.Equal([1, 2], identity.Select(s => s.Attempt));
        Assert.All(identity, s => Assert.Equal("identity", s.JobId));
    }

    [Fact]
    public async Task RunAsync_JobNeverAnswers_FailsWithReasonInsteadOfHanging()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 8);
        studio.Worker = job => job.Kind == GpuJobKinds.Identity ? null : FakeStudio.Succeed(job);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-hung", looks: 1, variants: 1, keep: 1, timeout: TimeSpan.FromSeconds(1), attempts: 2));

        Assert.Equal(ShootStatuses.Failed, outcome.Status);
        Assert.Contains("gave no result in 2 attempts", outcome.Error);
        Assert.Equal(2, studio.Submissions.Count(s => s.Kind == GpuJobKinds.Identity));
        Assert.Equal(NotificationKinds.Failed, Assert.Single(studio.Notifications).Kind);
    }

    [Fact]
    public async Task RunAsync_TooFewUsablePhotos_FailsWithCountsAndRecordsEveryVerdict()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.Worker = job => job.Kind == GpuJobKinds.Inspect && int.Parse(job.JobId[^3..]) % 2 == 0
            ? FakeStudio.Rejected(job, "unsupported_format")
            : FakeStudio.Succeed(job);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-too-few", minAccepted: 8));

        Assert.Equal(ShootStatuses.Failed, outcome.Status);
        Assert.Contains("only 5 of your 10 photos can be used", outcome.Error);
        Assert.Equal(10, Assert.Single(studio.Verdicts).Verdicts.Count);
        Assert.Equal(5, studio.Verdicts.Single().Verdicts.Count(v => !v.Accepted && v.Code == "unsupported_format"));
        Assert.DoesNotContain(studio.Submissions, s => s.Kind == GpuJobKinds.Identity);
        var failed = Assert.Single(studio.Notifications);
        Assert.Equal(NotificationKinds.Failed, failed.Kind);
        Assert.Equal(ShootStatuses.Failed, studio.Stages.Last().Status);
    }

    [Fact]
    public async Task RunAsync_NoPhotos_FailsAskingForPhotos()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 0);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-empty"));

        Assert.Equal(ShootStatuses.Failed, outcome.Status);
        Assert.Contains("no photos were uploaded", outcome.Error);
        Assert.Empty(studio.Submissions);
    }

    [Fact]
    public async Task RunAsync_InspectResultsFromAWorkerBeforeTypedResults_MarksThePhotosUnreadableSayingToDeployBothTogether()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.Worker = job => job.Kind == GpuJobKinds.Inspect
            ? JobJson.Deserialize<GpuJobResult>(GpuJobResultWireTests.StringDictionaryResult(job.JobId, job.InstanceId, $"{job.OutputPrefix}{job.JobId}.jpg"))
            : FakeStudio.Succeed(job);

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-old-worker"));

        Assert.Equal(ShootStatuses.Failed, outcome.Status);
        Assert.Contains("only 0 of your 10 photos can be used", outcome.Error);
        Assert.All(Assert.Single(studio.Verdicts).Verdicts, v =>
        {
            Assert.Equal("unreadable", v.Code);
            Assert.Contains("Deploy the GPU worker and the Functions app from the same release", v.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RunAsync_IdentityComparisonRejectsAPhoto_RecordsItRejectedAndEveryLikeness()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        const string someoneElse = "work/shoot-compared/photos/inspect-003.jpg";
        studio.Worker = job =>
        {
            if (job.Kind != GpuJobKinds.Identity) return FakeStudio.Succeed(job);
            var comparison = new IdentityComparison(
                [new RejectedPhoto(someoneElse, "different_person", "This looks like someone else.", "Upload only photos of you.", 0.95)],
                job.Inputs.ToDictionary(p => p, p => p == someoneElse ? 0.95 : 0.25), null);
            return GpuJobResult.Success(job.JobId, job.InstanceId,
                new IdentityResult($"{job.OutputPrefix}profile.json", job.Inputs.Where(p => p != someoneElse).ToList(), 1, comparison), "fake", 0.01);
        };

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-compared"));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var compared = studio.Verdicts.Last().Verdicts;
        var rejected = Assert.Single(compared, v => !v.Accepted);
        Assert.Equal(("p04.jpg", "different_person", "This looks like someone else.", 0.95), (rejected.Name, rejected.Code, rejected.Reason, rejected.IdentityDistance));
        Assert.Equal(["different_person"], rejected.Reasons);
        Assert.All(compared.Where(v => v.Accepted), v => Assert.Equal(0.25, v.IdentityDistance));
        Assert.DoesNotContain(studio.Submissions, s => s.Kind == GpuJobKinds.Generate && s.Inputs.Contains(someoneElse));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_EnhanceJobWritesAFullResolutionBase_DeliveredImagesRefineFromItElseFromTheCandidate(bool withBase)
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.Worker = job => job.Kind == GpuJobKinds.Enhance
            ? GpuJobResult.Success(job.JobId, job.InstanceId, new EnhanceResult($"{job.OutputPrefix}{job.JobId}.jpg", new ImageMeasurements(2114, 2642, 100, 0, 0, 118),
                new PhotoSource(5_200_000, 2114), withBase ? $"{job.OutputPrefix}{job.JobId}-base.jpg" : null), "fake", 0.01)
            : FakeStudio.Succeed(job);

        var outcome = await studio.RunAsync(FakeStudio.Input($"shoot-base-{withBase}", looks: 1, variants: 2, keep: 2));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var enhances = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Enhance).ToList();
        var expected = enhances.Select(e => withBase ? $"work/shoot-base-{withBase}/enhanced/{e.JobId}-base.jpg" : e.Inputs[0]).Order().ToList();
        var published = Assert.Single(studio.Publications);
        Assert.Equal(expected, published.Images.Select(i => i.BasePath!).Order().ToList());
    }

    [Fact]
    public async Task RunAsync_ReframedCandidates_EnhanceRendersFromTheUploadAndTheGalleryCountsItsCrop()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.Worker = job => job.Kind switch
        {
            GpuJobKinds.Enhance => GpuJobResult.Success(job.JobId, job.InstanceId, new EnhanceResult($"{job.OutputPrefix}{job.JobId}.jpg",
                new ImageMeasurements(2441, 3051, 100, 0, 0, 118), new PhotoSource(6_900_000, 2441)), "fake", 0.01),
            GpuJobKinds.Upscale => GpuJobResult.Success(job.JobId, job.InstanceId, FakeStudio.Succeed(job).ValuesAs<UpscaleResult>()! with { InputWidth = 2441, InputHeight = 3051 },
                "fake", 0.01),
            // The generate job frames the 2048 px working copy: its crop there is not what the delivery is rendered from.
            GpuJobKinds.Generate => GpuJobResult.Success(job.JobId, job.InstanceId, FakeStudio.Succeed(job).ValuesAs<CandidateResult>()! with { Source = new PhotoSource(1_300_000, 1020) },
                "fake", 0.01),
            _ => FakeStudio.Succeed(job),
        };

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-upload", looks: 1, variants: 2, keep: 2));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var uploads = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Inspect).Select(s => s.Inputs[0]).ToHashSet();
        var enhances = studio.Submissions.Where(s => s.Kind == GpuJobKinds.Enhance).ToList();
        Assert.NotEmpty(enhances);
        Assert.All(enhances, e => Assert.Contains(e.Inputs[1], uploads));
        var published = Assert.Single(studio.Publications);
        // The upload's 6.9 MP crop, fewer than the 7.4 MP render it was delivered from.
        Assert.All(published.Images, i => Assert.Equal(6.9, i.SourceMegapixels!.Value, 3));
    }
}
