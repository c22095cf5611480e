using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Refine;

/// <summary>
/// One refinement: edit and retouch (GPU) → identity check → render at 16 MP (GPU) → add as a new version.
/// A result that no longer looks like the person is made but never delivered, and the person is told why.
/// </summary>
public sealed class RefineOrchestrator : TaskOrchestrator<RefineInput, RefineOutcome>
{
    static readonly TaskOptions ActivityRetry = ActivityRetries.Standard;

    public static string InstanceIdFor(string refineId) => $"refine-{refineId}";

    public override async Task<RefineOutcome> RunAsync(TaskOrchestrationContext context, RefineInput input)
    {
        var logger = context.CreateReplaySafeLogger<RefineOrchestrator>();
        try
        {
            await RecordAsync(context, new RefineRecord(input.ShootId, input.RefineId, RefineStatuses.Running));
            var work = $"{StorageNames.WorkContainer}/{input.ShootId}/refine/{input.RefineId}/";
            var refined = input.Generative is null
                ? await RefineAsync(context, input, logger, work, $"refine-{input.RefineId}", input.SourceBase, null)
                : await GenerateThenRefineAsync(context, input, logger, work);
            if (refined.Outcome is { } ended) return ended;
            var result = refined.Result!;
            var distance = result.Face?.IdentityDistance;

            var rendered = await RunAsync(context, input, logger, new GpuJobMessage($"refine-{input.RefineId}-upscale", input.ShootId, context.InstanceId,
                GpuJobKinds.Upscale, [result.MasterPath], work, new UpscaleJobParameters(input.Aspect, input.Settings.DeliverWebP).ToParameters(), 1));
            if (rendered.ValuesAs<UpscaleResult>() is not { } delivered)
            {
                return await EndAsync(context, input, RefineStatuses.Failed, null, distance, $"rendering at 16 MP failed ({rendered.Error ?? "no result"}).");
            }

            var version = await context.CallActivityAsync<int>(nameof(PublishVersionActivity), new VersionRequest(
                input.ShootId, input.RefineId, input.ImageId, input.FromVersion, input.Changes, input.Retouch,
                delivered.Files.Full, delivered.Files.Web, delivered.Files.Thumbnail, delivered.Width, delivered.Height, delivered.Bytes,
                distance, result.BasePath, delivered.Files.FullWebP, delivered.Files.WebWebP, SourceMegapixels(input, delivered), input.Redrawn), ActivityRetry);
            return await EndAsync(context, input, RefineStatuses.Delivered, version, distance, null);
        }
        catch (TaskFailedException e)
        {
            return await EndAsync(context, input, RefineStatuses.Failed, null, null, $"an internal step ({e.TaskName}) failed: {e.FailureDetails.ErrorMessage}");
        }
    }

    /// <summary>The edit and retouch job, then the identity check; an outcome when the refinement ends here.</summary>
    static async Task<(RefineResult? Result, RefineOutcome? Outcome)> RefineAsync(TaskOrchestrationContext context, RefineInput input, ILogger logger,
        string work, string jobId, string source, (string Generated, string Region)? generated, bool lastAttempt = true)
    {
        // The person's edits (read by the worker's RefineEdits), then what the generative edit left to merge.
        var parameters = input.JobFields.ToDictionary(p => p.Key, p => p.Value);
        if (input.ProfilePath is not null) parameters[JobParameterNames.IdentityProfile] = input.ProfilePath;
        if (generated is { } g)
        {
            foreach (var (key, value) in new EditJobParameters(g.Region, g.Generated).ToParameters()) parameters[key] = value;
        }
        var refined = await RunAsync(context, input, logger, new GpuJobMessage(jobId, input.ShootId, context.InstanceId,
            GpuJobKinds.Refine, [source], $"{work}{jobId}/", parameters, 1));
        if (refined.ValuesAs<RefineResult>() is not { } made)
        {
            return (null, await EndAsync(context, input, RefineStatuses.Failed, null, null, $"the edit could not be made ({refined.Error ?? "no result"})."));
        }
        var distance = made.Face?.IdentityDistance;
        if (distance is { } d && d > input.Settings.IdentityThreshold)
        {
            logger.LogWarning("Refine {RefineId} of shoot {ShootId} drifted from the person: identity distance {Distance}", input.RefineId, input.ShootId, d);
            return lastAttempt
                ? (null, await EndAsync(context, input, RefineStatuses.Refused, null, d, RefineMessages.Drifted(d, input.Settings.IdentityThreshold)))
                : (null, null);
        }
        return (made, null);
    }

    /// <summary>
    /// Square image and mask (GPU), the cloud model's edit (activity), then the merge, local edits and identity check;
    /// an edit that no longer looks like the person is asked for again, a bounded number of times.
    /// </summary>
    static async Task<(RefineResult? Result, RefineOutcome? Outcome)> GenerateThenRefineAsync(TaskOrchestrationContext context, RefineInput input, ILogger logger, string work)
    {
        var change = input.Generative!;
        var prepared = await RunAsync(context, input, logger, new GpuJobMessage($"refine-{input.RefineId}-prepare", input.ShootId, context.InstanceId,
            GpuJobKinds.PrepareEdit, [input.SourceBase], work, new EditJobParameters(change.Region).ToParameters(), 1));
        if (prepared.ValuesAs<PrepareEditResult>() is not { } square)
        {
            return (null, await EndAsync(context, input, RefineStatuses.Failed, null, null, $"the area to edit could not be found ({prepared.Error ?? "no result"})."));
        }
        for (var attempt = 1; attempt <= MaxGenerativeAttempts; attempt++)
        {
            // The activity retries throttling and server errors itself; an orchestration retry would only repeat them.
            var edit = await context.CallActivityAsync<GenerativeEditOutput>(nameof(GenerativeEditActivity), new GenerativeEditInput(
                input.ShootId, $"{input.RefineId}-{attempt}", change.Kind, change.Description, square.ImagePath, square.MaskPath,
                change.References, $"{work}generated-{attempt}.png"));
            if (!edit.Succeeded)
            {
                return (null, await EndAsync(context, input, RefineStatuses.Failed, null, null, edit.Message ?? "the cloud editing engine did not make the change."));
            }
            var refined = await RefineAsync(context, input, logger, work, $"refine-{input.RefineId}-{attempt}", input.SourceBase,
                (edit.OutputPath!, change.Region), lastAttempt: attempt == MaxGenerativeAttempts);
            if (refined.Result is not null || refined.Outcome is not null) return refined;
        }
        throw new InvalidOperationException("Unreachable: the last attempt always ends the refinement.");
    }

    /// <summary>
    /// The real resolution behind the new version: the source version's, or fewer where the refine job's master
    /// (what the upscale job enlarged) is smaller; null when the source version's is unknown (a gallery from before it
    /// was recorded), so no version claims what its original could not.
    /// </summary>
    static double? SourceMegapixels(RefineInput input, UpscaleResult delivered) => input.SourceMegapixels is { } source
        ? SourceResolution.Megapixels(source * 1_000_000, delivered.InputWidth, delivered.InputHeight)
        : null;

    /// <summary>Generative edits tried per refinement: each costs money, and a model that keeps drifting will not stop.</summary>
    public const int MaxGenerativeAttempts = 2;

    static async Task<GpuJobResult> RunAsync(TaskOrchestrationContext context, RefineInput input, ILogger logger, GpuJobMessage job) =>
        (await GpuJobRunner.RunAllAsync(context, null, [job], input.Settings, logger, _ => { }))[0];

    static async Task<RefineOutcome> EndAsync(TaskOrchestrationContext context, RefineInput input, string status, int? version, double? distance, string? message)
    {
        await RecordAsync(context, new RefineRecord(input.ShootId, input.RefineId, status, version, distance, message));
        return new RefineOutcome(input.RefineId, status, version, distance, message);
    }

    static Task RecordAsync(TaskOrchestrationContext context, RefineRecord record) =>
        context.CallActivityAsync<bool>(nameof(RecordRefineActivity), record, ActivityRetry);

}
