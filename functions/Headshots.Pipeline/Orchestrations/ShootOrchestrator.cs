using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The shoot: inspect → identity → generate → select → enhance → upscale → publish → notify.
/// Deterministic: every I/O is an activity or a GPU job; time, ids and randomness come only from the context.
/// </summary>
public sealed partial class ShootOrchestrator : TaskOrchestrator<ShootInput, ShootOutcome>
{
    static readonly TaskOptions ActivityRetry = ActivityRetries.Standard;

    public override async Task<ShootOutcome> RunAsync(TaskOrchestrationContext context, ShootInput input)
    {
        var shoot = new ShootRun(context, input, context.CreateReplaySafeLogger<ShootOrchestrator>());
        try
        {
            var verdicts = await shoot.InspectAsync();
            var identity = await shoot.BuildIdentityAsync(verdicts);
            var candidates = await shoot.GenerateAsync(identity);
            var selected = await shoot.SelectAsync(candidates);
            var enhanced = await shoot.EnhanceAsync(selected);
            var delivered = await shoot.UpscaleAsync(enhanced);
            var gallery = await shoot.PublishAsync(delivered, identity.ProfilePath, shoot.Generation);
            await shoot.NotifyDeliveredAsync(gallery);
            return new ShootOutcome(input.ShootId, ShootStatuses.Delivered, gallery.Images, gallery.Url, null);
        }
        catch (ShootStoppedException e)
        {
            return await shoot.StopAsync(e.Message);
        }
        catch (TaskFailedException e)
        {
            return await shoot.StopAsync($"an internal step ({e.TaskName}) failed: {e.FailureDetails.ErrorMessage}");
        }
    }

    /// <summary>One shoot's state between stages; kept out of the orchestrator so each stage reads on its own.</summary>
    sealed partial class ShootRun(TaskOrchestrationContext context, ShootInput input, ILogger logger)
    {
        readonly Dictionary<string, double> gpuSeconds = new(StringComparer.Ordinal);

        /// <summary>The upload behind each accepted photo's working copy: a delivery render reads the upload's own pixels.</summary>
        readonly Dictionary<string, string> uploadsByWorkingCopy = new(StringComparer.Ordinal);
        ShootSettings Settings => input.Settings;
        string ShootId => input.ShootId;
        string Work(string folder) => $"{StorageNames.WorkContainer}/{ShootId}/{folder}/";

        public async Task<List<PhotoVerdict>> InspectAsync()
        {
            var photos = await context.CallActivityAsync<List<string>>(nameof(ListUploadedPhotosActivity), ShootId, ActivityRetry);
            if (photos.Count == 0)
            {
                await RecordAsync(ShootStages.Inspect, 0, 0, photosUploaded: 0);
                throw new ShootStoppedException("no photos were uploaded. Upload 10–15 photos of yourself, then the order.");
            }
            var jobs = photos.Select((p, i) => Job($"inspect-{i:000}", GpuJobKinds.Inspect, [p], Work("photos"))).ToList();
            var results = await RunAllAsync(Stage(ShootStages.Inspect, jobs.Count) with { PhotosUploaded = photos.Count }, jobs);
            var verdicts = photos.Zip(results, ToVerdict).ToList();
            foreach (var (upload, verdict) in photos.Zip(verdicts))
            {
                if (verdict.NormalisedPath is { } workingCopy) uploadsByWorkingCopy[workingCopy] = upload;
            }
            await context.CallActivityAsync<bool>(nameof(RecordPhotoVerdictsActivity), new PhotoVerdictBatch(ShootId, verdicts), ActivityRetry);
            var accepted = verdicts.Where(v => v.Accepted).ToList();
            if (accepted.Count < Settings.MinAcceptedPhotos)
            {
                throw new ShootStoppedException(
                    $"only {accepted.Count} of your {photos.Count} photos can be used, and at least {Settings.MinAcceptedPhotos} are needed. " +
                    "See the reason and tip for each photo, then upload replacements.");
            }
            return verdicts;
        }

        /// <summary>
        /// Compares the accepted photos (someone else's face, near-duplicates), records what that rejects, and builds
        /// the person's profile from the rest.
        /// </summary>
        public async Task<IdentityProfile> BuildIdentityAsync(List<PhotoVerdict> verdicts)
        {
            var accepted = verdicts.Where(v => v.Accepted).ToList();
            var result = (await RunAllAsync(Stage(ShootStages.Identity, 1) with { PhotosAccepted = accepted.Count },
                [Job("identity", GpuJobKinds.Identity, accepted.Select(a => a.NormalisedPath!).ToList(), Work("identity"),
                    new IdentityJobParameters(Settings.MinAcceptedPhotos).ToParameters())]))[0];
            var profile = result.ValuesAs<IdentityResult>();
            if (profile?.Comparison is { } comparison)
            {
                verdicts = ApplyComparison(verdicts, comparison);
                await context.CallActivityAsync<bool>(nameof(RecordPhotoVerdictsActivity), new PhotoVerdictBatch(ShootId, verdicts), ActivityRetry);
                if (comparison.Problem is { } problem)
                {
                    throw new ShootStoppedException(problem);
                }
            }

            if (profile is null || profile.Ranked.Count == 0)
            {
                throw new ShootStoppedException($"the identity profile could not be built ({result.Error ?? "no photos ranked"}).");
            }
            return new IdentityProfile(profile.ProfilePath, profile.Ranked.Take(Settings.MaxPhotosUsed).ToList());
        }

        /// <summary>
        /// The generate stage, by the shoot's engine: the reframe compositor on the GPU worker (one job per look ×
        /// variant), or a generative model (<see cref="GenerateWithModelAsync"/>) whose candidates must pass the
        /// identity check, with reframed candidates topping up the looks where too few did.
        /// </summary>
        public async Task<List<CandidateRef>> GenerateAsync(IdentityProfile identity)
        {
            var generation = Settings.Generation;
            if (generation is null || !CandidateEngines.IsGenerated(generation.Engine))
            {
                if (generation?.MakeReferences == true) await ReferencesAsync(identity, generation.ReferencePhotos);
                return await ReframeAsync(identity, input.Looks, Stage(ShootStages.Generate, input.Looks.Count * Settings.VariantsPerLook));
            }
            return await GenerateWithModelAsync(identity, generation);
        }

        /// <summary>The reframe engine's candidates of <paramref name="looks"/>; <paramref name="stage"/> null when the stage is already recorded.</summary>
        async Task<List<CandidateRef>> ReframeAsync(IdentityProfile identity, IReadOnlyList<LookChoice> looks, StageRecord? stage)
        {
            var sources = identity.RankedSources;
            var jobs = new List<GpuJobMessage>();
            var variants = new List<int>();
            foreach (var look in looks)
            {
                for (var variant = 0; variant < Settings.VariantsPerLook; variant++)
                {
                    var source = sources[variant % sources.Count];
                    jobs.Add(Job($"generate-{look.Id}-{variant:00}", GpuJobKinds.Generate, [source], Work(ShootFolders.Candidates),
                        new GenerateJobParameters(look.Id, variant, identity.ProfilePath).ToParameters()));
                    variants.Add(variant);
                }
            }
            var results = stage is null ? await RunQuietlyAsync(ShootStages.Generate, jobs) : await RunAllAsync(stage, jobs);
            var candidates = results.Zip(variants, jobs).Where(r => r.First.Succeeded)
                .Select(r => (Result: r.First.ValuesAs<CandidateResult>()!, Variant: r.Second, Job: r.Third))
                .Select(r => ToCandidate(r.Result, r.Variant, CandidateEngines.Reframe) with
                {
                    SourcePath = uploadsByWorkingCopy.GetValueOrDefault(r.Job.Inputs[0], r.Job.Inputs[0]),
                    SourcePixels = r.Result.Source?.Pixels,
                }).ToList();
            LogFailures(results);
            if (candidates.Count == 0 && stage is not null)
            {
                throw new ShootStoppedException($"no headshot could be produced ({FirstError(results)}).");
            }
            return candidates;
        }

        static CandidateRef ToCandidate(CandidateResult c, int variant, string engine) => new(
            c.Look, c.Aspect, variant, c.Path,
            c.Measurements.Sharpness, c.Measurements.ClippedHighlights, c.Measurements.CrushedShadows, c.Measurements.MeanLuma,
            c.Face?.IdentityDistance, c.Face?.EyeLine, c.Face?.FaceWidth, engine);

        public async Task<List<SelectedHeadshot>> SelectAsync(List<CandidateRef> candidates)
        {
            await RecordAsync(ShootStages.Select, 0, candidates.Count);
            return await context.CallActivityAsync<List<SelectedHeadshot>>(nameof(SelectHeadshotsActivity),
                new SelectionRequest(candidates, Settings.KeepPerLook, Settings.IdentityThreshold), ActivityRetry);
        }

        public async Task<List<SelectedHeadshot>> EnhanceAsync(List<SelectedHeadshot> selected)
        {
            // A reframed headshot goes with its photo, look and variant: the worker renders it again from the photo's
            // full resolution (Render:Path=native) before retouching.
            var jobs = selected.Select(s => s.Candidate.SourcePath is { } source
                ? Job($"enhance-{s.Candidate.Key}", GpuJobKinds.Enhance, [s.Candidate.Path, source], Work("enhanced"),
                    new EnhanceJobParameters(s.Candidate.Look, s.Candidate.Variant).ToParameters())
                : Job($"enhance-{s.Candidate.Key}", GpuJobKinds.Enhance, [s.Candidate.Path], Work("enhanced"))).ToList();
            var results = await RunAllAsync(Stage(ShootStages.Enhance, jobs.Count), jobs);
            LogFailures(results);
            var enhanced = selected.Zip(results)
                .Select(p => (Selected: p.First, Retouched: p.Second.ValuesAs<EnhanceResult>()))
                .Where(p => p.Retouched is not null)
                // A refinement starts from the unretouched full-resolution render where the worker made one, else from the candidate.
                .Select(p => p.Selected with { BasePath = p.Retouched!.BasePath ?? p.Selected.Candidate.Path, Candidate = p.Selected.Candidate with
                {
                    Path = p.Retouched.Path,
                    // Rendered from the upload, the crop's real pixels are counted there, not in the 2048 px working copy.
                    SourcePixels = p.Retouched.Source?.Pixels ?? p.Selected.Candidate.SourcePixels,
                } })
                .ToList();
            return enhanced.Count > 0 ? enhanced : throw new ShootStoppedException($"retouching failed for every headshot ({FirstError(results)}).");
        }

        public async Task<List<DeliveredRef>> UpscaleAsync(List<SelectedHeadshot> enhanced)
        {
            var jobs = enhanced.Select(s => Job($"upscale-{s.Candidate.Key}", GpuJobKinds.Upscale, [s.Candidate.Path], Work("delivered"),
                new UpscaleJobParameters(s.Candidate.Aspect, Settings.DeliverWebP).ToParameters())).ToList();
            var results = await RunAllAsync(Stage(ShootStages.Upscale, jobs.Count), jobs);
            LogFailures(results);
            var delivered = enhanced.Zip(results)
                .Select(p => (Selected: p.First, Rendered: p.Second.ValuesAs<UpscaleResult>()))
                .Where(p => p.Rendered is not null)
                .Select(p => (p.Selected, Rendered: p.Rendered!, Files: p.Rendered!.Files))
                .Select(p => new DeliveredRef(p.Selected.Candidate.Look, p.Selected.Candidate.Aspect, p.Files.Full, p.Files.Web, p.Files.Thumbnail,
                    p.Rendered.Width, p.Rendered.Height, p.Rendered.Bytes, p.Selected.Score,
                    p.Selected.Candidate.IdentityDistance, p.Selected.BasePath, p.Files.FullWebP, p.Files.WebWebP, p.Selected.Candidate.Engine,
                    SourceResolution.Megapixels(p.Selected.Candidate.SourcePixels, p.Rendered.InputWidth, p.Rendered.InputHeight)))
                .ToList();
            return delivered.Count > 0 ? delivered : throw new ShootStoppedException($"rendering at 16 MP failed for every headshot ({FirstError(results)}).");
        }

        public async Task<PublishedGallery> PublishAsync(List<DeliveredRef> delivered, string profilePath, GenerationSummary? generation)
        {
            context.SetCustomStatus(new ShootProgress(ShootStages.Publish, 0, delivered.Count));
            return await context.CallActivityAsync<PublishedGallery>(nameof(PublishGalleryActivity),
                new PublishRequest(ShootId, input.Name, delivered, Stage(ShootStages.Publish, delivered.Count), profilePath, generation), ActivityRetry);
        }

        public async Task<ShootOutcome> StopAsync(string reason)
        {
            logger.LogWarning("Shoot {ShootId} stopped: {Reason}", ShootId, reason);
            context.SetCustomStatus(new ShootProgress(ShootStages.Failed, 0, 0, reason));
            await RecordAsync(ShootStages.Failed, 0, 0, ShootStatuses.Failed, error: reason);
            await NotifyFailedAsync(reason);
            return new ShootOutcome(ShootId, ShootStatuses.Failed, 0, null, reason);
        }

        /// <param name="parameters">The kind's parameters record's <c>ToParameters()</c>; none when the kind takes none.</param>
        GpuJobMessage Job(string jobId, string kind, IReadOnlyList<string> inputs, string outputPrefix, IReadOnlyDictionary<string, string>? parameters = null) =>
            new(jobId, ShootId, context.InstanceId, kind, inputs, outputPrefix, parameters ?? new Dictionary<string, string>(), 1);

        /// <summary>The transition into a GPU stage, recorded by the activity that submits the stage's jobs.</summary>
        StageRecord Stage(string stage, int total) =>
            new(ShootId, stage, 0, total, ShootStatuses.Running, GpuSecondsByStage: new Dictionary<string, double>(gpuSeconds));

        /// <summary>Jobs inside a stage already recorded and followed (the generative engine's per-candidate jobs): no stage record, no progress of their own.</summary>
        async Task<IReadOnlyList<GpuJobResult>> RunQuietlyAsync(string stage, IReadOnlyList<GpuJobMessage> jobs)
        {
            var results = await GpuJobRunner.RunAllAsync(context, null, jobs, Settings, logger, _ => { });
            gpuSeconds[stage] = gpuSeconds.GetValueOrDefault(stage) + results.Sum(r => r.Seconds);
            return results;
        }

        async Task<IReadOnlyList<GpuJobResult>> RunAllAsync(StageRecord stage, IReadOnlyList<GpuJobMessage> jobs)
        {
            context.SetCustomStatus(new ShootProgress(stage.Stage, 0, jobs.Count));
            var results = await GpuJobRunner.RunAllAsync(context, stage, jobs, Settings, logger,
                done => context.SetCustomStatus(new ShootProgress(stage.Stage, done, jobs.Count)));
            gpuSeconds[stage.Stage] = gpuSeconds.GetValueOrDefault(stage.Stage) + results.Sum(r => r.Seconds);
            return results;
        }

        Task RecordAsync(string stage, int done, int total, string status = ShootStatuses.Running, string? error = null,
            int? photosUploaded = null, int? photosAccepted = null, int? delivered = null, string? galleryUrl = null)
        {
            context.SetCustomStatus(new ShootProgress(stage, done, total, error));
            return context.CallActivityAsync<bool>(nameof(RecordStageActivity), new StageRecord(ShootId, stage, done, total, status, error,
                photosUploaded, photosAccepted, delivered, galleryUrl, new Dictionary<string, double>(gpuSeconds)), ActivityRetry);
        }

        void LogFailures(IEnumerable<GpuJobResult> results)
        {
            foreach (var failed in results.Where(r => !r.Succeeded))
            {
                logger.LogWarning("Shoot {ShootId}: job {JobId} failed ({ErrorCode}): {Error}", ShootId, failed.JobId, failed.ErrorCode, failed.Error);
            }
        }

        static PhotoVerdict ToVerdict(string path, GpuJobResult r)
        {
            var name = BlobPath.Parse(path).FileName;
            if (r.ValuesAs<InspectResult>() is not { } inspected)
            {
                return new PhotoVerdict(name, false, "unreadable", $"We could not process this file ({r.Error}).",
                    "Upload the photo again, or choose another one.", null, 0, 0, null, 0, 0);
            }
            var (rejection, photo, findings) = inspected;
            var accepted = inspected.Accepted;
            var code = accepted ? null : rejection?.Code;
            return new PhotoVerdict(name, accepted, code, accepted ? null : rejection?.Reason, accepted ? null : rejection?.Tip,
                accepted ? photo!.Path : null, photo?.Measurements.Width ?? 0, photo?.Measurements.Height ?? 0, photo?.Format,
                photo?.Measurements.Sharpness ?? 0, photo?.Measurements.MeanLuma ?? 0,
                findings is { Reasons.Count: > 0 } ? findings.Reasons : code is null ? [] : [code],
                findings?.Faces, findings?.Main?.Width, findings?.Exposure?.Sharpness, findings?.Exposure?.MeanLuma, findings?.Main?.Yaw);
        }

        /// <summary>The identity stage's verdicts on top of intake's: likeness for every face, and who it rejected.</summary>
        static List<PhotoVerdict> ApplyComparison(List<PhotoVerdict> verdicts, IdentityComparison comparison) =>
            verdicts.Select(v =>
            {
                if (v.NormalisedPath is null) return v;
                var updated = comparison.Distances.TryGetValue(v.NormalisedPath, out var d) ? v with { IdentityDistance = d } : v;
                return comparison.Rejected.FirstOrDefault(r => r.Path == v.NormalisedPath) is { } r
                    ? updated with { Accepted = false, Code = r.Code, Reason = r.Reason, Tip = r.Tip, Reasons = [r.Code] }
                    : updated;
            }).ToList();

        static string FirstError(IEnumerable<GpuJobResult> results) => results.FirstOrDefault(r => !r.Succeeded)?.Error ?? "no result";
    }
}
