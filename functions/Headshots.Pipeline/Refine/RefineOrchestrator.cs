using System.Globalization;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
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
    static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(20)));

    public static string InstanceIdFor(string refineId) => $"refine-{refineId}";

    public override async Task<RefineOutcome> RunAsync(TaskOrchestrationContext context, RefineInput input)
    {
        var logger = context.CreateReplaySafeLogger<RefineOrchestrator>();
        try
        {
            await RecordAsync(context, new RefineRecord(input.ShootId, input.RefineId, RefineStatuses.Running));
            var work = $"{StorageNames.WorkContainer}/{input.ShootId}/refine/{input.RefineId}/";
            var parameters = input.JobFields.ToDictionary(p => p.Key, p => p.Value);
            if (input.ProfilePath is not null) parameters["identity"] = input.ProfilePath;
            var refined = await RunAsync(context, input, logger, new GpuJobMessage($"refine-{input.RefineId}", input.ShootId, context.InstanceId,
                GpuJobKinds.Refine, [input.SourceBase], work, parameters, 1));
            if (!refined.Succeeded || refined.Outputs.Count < 2)
            {
                return await EndAsync(context, input, RefineStatuses.Failed, null, null, $"the edit could not be made ({refined.Error ?? "no result"}).");
            }

            var distance = OptionalNumber(refined, "identityDistance");
            if (distance is { } d && d > input.Settings.IdentityThreshold)
            {
                logger.LogWarning("Refine {RefineId} of shoot {ShootId} drifted from the person: identity distance {Distance}", input.RefineId, input.ShootId, d);
                return await EndAsync(context, input, RefineStatuses.Refused, null, d, RefineMessages.Drifted(d, input.Settings.IdentityThreshold));
            }

            var rendered = await RunAsync(context, input, logger, new GpuJobMessage($"refine-{input.RefineId}-upscale", input.ShootId, context.InstanceId,
                GpuJobKinds.Upscale, [refined.Outputs[1]], work, new Dictionary<string, string> { ["aspect"] = input.Aspect }, 1));
            if (!rendered.Succeeded || rendered.Outputs.Count != 3)
            {
                return await EndAsync(context, input, RefineStatuses.Failed, null, distance, $"rendering at 16 MP failed ({rendered.Error ?? "no result"}).");
            }

            var version = await context.CallActivityAsync<int>(nameof(PublishVersionActivity), new VersionRequest(
                input.ShootId, input.RefineId, input.ImageId, input.FromVersion, input.Changes, input.Retouch,
                rendered.Outputs[0], rendered.Outputs[1], rendered.Outputs[2],
                (int)(OptionalNumber(rendered, "width") ?? 0), (int)(OptionalNumber(rendered, "height") ?? 0), (long)(OptionalNumber(rendered, "bytes") ?? 0),
                distance, refined.Outputs[0]), ActivityRetry);
            return await EndAsync(context, input, RefineStatuses.Delivered, version, distance, null);
        }
        catch (TaskFailedException e)
        {
            return await EndAsync(context, input, RefineStatuses.Failed, null, null, $"an internal step ({e.TaskName}) failed: {e.FailureDetails.ErrorMessage}");
        }
    }

    static async Task<GpuJobResult> RunAsync(TaskOrchestrationContext context, RefineInput input, ILogger logger, GpuJobMessage job) =>
        (await GpuJobRunner.RunAllAsync(context, null, [job], input.Settings, logger, _ => { }))[0];

    static async Task<RefineOutcome> EndAsync(TaskOrchestrationContext context, RefineInput input, string status, int? version, double? distance, string? message)
    {
        await RecordAsync(context, new RefineRecord(input.ShootId, input.RefineId, status, version, distance, message));
        return new RefineOutcome(input.RefineId, status, version, distance, message);
    }

    static Task RecordAsync(TaskOrchestrationContext context, RefineRecord record) =>
        context.CallActivityAsync<bool>(nameof(RecordRefineActivity), record, ActivityRetry);

    static double? OptionalNumber(GpuJobResult r, string key) =>
        r.Data.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
