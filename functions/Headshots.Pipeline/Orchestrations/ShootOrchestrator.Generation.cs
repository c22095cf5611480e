using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Generation;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Orchestrations;

public sealed partial class ShootOrchestrator
{
    sealed partial class ShootRun
    {
        /// <summary>What the generative engine did; null with the reframe engine.</summary>
        public GenerationSummary? Generation { get; private set; }

        /// <summary>
        /// The person's best-ranked photos as head-and-shoulders crops, best first; empty when they could not be made
        /// (the shoot then goes on with reframed candidates).
        /// </summary>
        async Task<IReadOnlyList<string>> ReferencesAsync(IdentityProfile identity, int count)
        {
            var result = (await RunQuietlyAsync(ShootStages.Generate,
                [Job("references", GpuJobKinds.References, identity.RankedSources.Take(count).ToList(), Work(ShootFolders.References))]))[0];
            if (result.ValuesAs<ReferencesResult>() is not { Paths.Count: > 0 } crops)
            {
                logger.LogWarning("Shoot {ShootId}: the reference crops could not be made ({Error})", ShootId, result.Error);
                return [];
            }
            return crops.Paths;
        }

        /// <summary>
        /// Every look × candidate made by the model from the person's reference photos, at most
        /// <see cref="GenerationSettings.MaxConcurrentCalls"/> at a time and within the shoot's budget; each one framed
        /// and measured, and made once more with a stronger likeness instruction when it drifts from the person. Looks
        /// left with fewer passing candidates than are delivered per look get reframed candidates as well.
        /// </summary>
        async Task<List<CandidateRef>> GenerateWithModelAsync(IdentityProfile identity, GenerationSettings generation)
        {
            var plan = input.Looks.SelectMany(look => Enumerable.Range(0, generation.CandidatesPerLook).Select(variant => (Look: look, Variant: variant))).ToList();
            await RecordAsync(ShootStages.Generate, 0, plan.Count);
            var references = await ReferencesAsync(identity, generation.ReferencePhotos);
            var tally = new GenerationTally(generation, plan.Count);
            var made = new CandidateRef?[plan.Count];
            if (references.Count > 0)
            {
                var running = new List<Task>();
                var next = 0;
                var done = 0;
                while (next < plan.Count || running.Count > 0)
                {
                    while (running.Count < generation.MaxConcurrentCalls && next < plan.Count)
                    {
                        var index = next++;
                        running.Add(Made(index));
                    }
                    var finished = await Task.WhenAny(running);
                    running.Remove(finished);
                    context.SetCustomStatus(new ShootProgress(ShootStages.Generate, ++done, plan.Count));
                }
            }
            else
            {
                tally.Failed(GenerativeEditFailure.Invalid, "your photos could not be prepared for the image model.");
            }

            var generated = made.OfType<CandidateRef>().ToList();
            var shortLooks = input.Looks.Where(l => generated.Count(c => c.Look == l.Id) < Settings.KeepPerLook).ToList();
            var reframed = shortLooks.Count > 0 ? await ReframeAsync(identity, shortLooks, null) : [];
            Generation = tally.Summary(shortLooks.Select(l => l.Id).ToList());
            logger.LogInformation(
                "Shoot {ShootId}: {Passed} of {Planned} generated candidates passed ({Drifted} drifted, {Failed} not made, {Skipped} over budget, {SkippedDaily} over the daily budget), cost {Cost} {Currency}; {Reframed} reframed for {Looks}",
                ShootId, Generation.Passed, plan.Count, Generation.Drifted, Generation.Failed, Generation.SkippedForBudget, Generation.SkippedForDailyBudget, Generation.Cost, Generation.Currency,
                reframed.Count, string.Join(", ", Generation.LooksToppedUp));
            var candidates = generated.Concat(reframed).ToList();
            return candidates.Count > 0
                ? candidates
                : throw new ShootStoppedException($"no headshot could be produced ({Generation.FailureMessage ?? "every candidate failed"}).");

            async Task Made(int index) => made[index] = await GenerateOneAsync(plan[index].Look, plan[index].Variant, references, identity, generation, tally);
        }

        /// <summary>One generated candidate: at most two model calls (the second with the stronger likeness instruction); null when none passes.</summary>
        async Task<CandidateRef?> GenerateOneAsync(LookChoice look, int variant, IReadOnlyList<string> references, IdentityProfile identity,
            GenerationSettings generation, GenerationTally tally)
        {
            var name = new CandidateRef(look.Id, look.Aspect, variant, "", 0, 0, 0, 0, Engine: generation.Engine).Key;
            var estimate = look.Aspect == Jobs.Looks.AspectRatio.Square.Name ? generation.CallEstimateSquare : generation.CallEstimatePortrait;
            for (var attempt = 1; attempt <= MaxGenerationAttempts; attempt++)
            {
                if (!tally.TryReserve(estimate))
                {
                    tally.SkippedForBudget();
                    return null;
                }
                var made = await MakeAsync(look, variant, attempt, name, references, generation);
                if (made.Failure == GenerativeEditFailure.DailyBudgetReached)
                {
                    tally.DailyBudgetSpent(estimate);
                    logger.LogWarning("Shoot {ShootId}: the studio's daily generation budget is spent; {Candidate} and the rest are reframed", ShootId, name);
                    return null;
                }
                tally.Settle(estimate, made.Cost);
                if (!made.Succeeded)
                {
                    tally.Failed(made.Failure, made.Message);
                    logger.LogWarning("Shoot {ShootId}: {Candidate} was not generated: {Failure}", ShootId, name, made.Failure);
                    return null;
                }

                var assessed = (await RunQuietlyAsync(ShootStages.Generate, [Job($"assess-{name}-{attempt}", GpuJobKinds.Assess, [made.OutputPath!],
                    Work(ShootFolders.Candidates), new AssessJobParameters(look.Id, name, identity.ProfilePath).ToParameters())]))[0];
                if (assessed.ValuesAs<CandidateResult>() is not { } framed)
                {
                    tally.Failed(GenerativeEditFailure.Invalid, null);
                    logger.LogWarning("Shoot {ShootId}: the generated {Candidate} could not be assessed: {Error}", ShootId, name, assessed.Error);
                    return null;
                }
                var candidate = ToCandidate(framed, variant, generation.Engine);
                if (candidate.IdentityDistance is not { } distance || distance <= Settings.IdentityThreshold)
                {
                    tally.Passed(afterRegenerating: attempt > 1);
                    return candidate;
                }
                logger.LogInformation("Shoot {ShootId}: generated {Candidate} is {Distance:0.00} from the person (threshold {Threshold}), attempt {Attempt}",
                    ShootId, name, distance, Settings.IdentityThreshold, attempt);
            }
            tally.Drifted();
            return null;
        }

        /// <summary>
        /// One image by the shoot's engine: the cloud model from an activity (it waits out throttling itself; an
        /// orchestration retry would repeat paid calls), or SDXL inpainting on the GPU worker from one of the
        /// references, the variant choosing which, seeded by the candidate and attempt.
        /// </summary>
        async Task<GenerativeEditOutput> MakeAsync(LookChoice look, int variant, int attempt, string name, IReadOnlyList<string> references,
            GenerationSettings generation)
        {
            if (generation.Engine == CandidateEngines.OnnxDiffusion && generation.Diffusion is { } diffusion)
            {
                var prompt = Prompts.For(look.Id, variant, strongIdentity: attempt > 1);
                var square = look.Aspect == Jobs.Looks.AspectRatio.Square.Name;
                var parameters = new DiffuseJobParameters(prompt.DiffusionText, LookPrompt.DiffusionNegative, StableSeed($"{ShootId}/{name}/{attempt}"),
                    square ? diffusion.SquareWidth : diffusion.PortraitWidth, square ? diffusion.SquareHeight : diffusion.PortraitHeight,
                    diffusion.Steps, diffusion.Strength, diffusion.Sampler, $"{name}-{attempt}");
                var result = (await RunQuietlyAsync(ShootStages.Generate, [new GpuJobMessage($"diffuse-{name}-{attempt}", ShootId, context.InstanceId,
                    GpuJobKinds.Diffuse, [references[variant % references.Count]], Work(ShootFolders.Generated), parameters.ToParameters(), 1)]))[0];
                return result.ValuesAs<DiffuseResult>() is { } painted
                    ? new GenerativeEditOutput(true, painted.Path, GenerativeEditFailure.None, null, 1, 0, prompt.Version)
                    : new GenerativeEditOutput(false, null, GenerativeEditFailure.ServerError, DiffusionFailure(result.Error), 1, 0, prompt.Version);
            }
            try
            {
                return await context.CallActivityAsync<GenerativeEditOutput>(nameof(GenerateLookActivity), new LookGenerationInput(
                    ShootId, name, look.Id, variant, attempt, references, $"{Work(ShootFolders.Generated)}{name}-{attempt}.png", generation.Quality));
            }
            catch (TaskFailedException e)
            {
                logger.LogWarning("Shoot {ShootId}: generating {Candidate} failed: {Error}", ShootId, name, e.FailureDetails.ErrorMessage);
                return new GenerativeEditOutput(false, null, GenerativeEditFailure.ServerError, null, 0, 0, "");
            }
        }

        static string DiffusionFailure(string? error) => error?.Contains($"'{GpuJobKinds.Diffuse}'", StringComparison.Ordinal) == true
            ? "the studio's GPU worker has no diffusion models installed, so it cannot generate images yet."
            : $"the studio's GPU worker could not paint it ({error ?? "no result"}).";

        /// <summary>A seed from a name, the same on every replay and machine (string.GetHashCode is randomised per process).</summary>
        static int StableSeed(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text) hash = (hash ^ c) * 16777619u;
            return (int)(hash & 0x7fffffff);
        }

        static readonly LookPrompts Prompts = new();

        /// <summary>A candidate that drifts is made once more with a stronger likeness instruction, then dropped.</summary>
        const int MaxGenerationAttempts = 2;
    }
}
