using Headshots.Pipeline.Api;
using Headshots.Pipeline.Orchestrations;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>One progress bar per stage, driven by the status API.</summary>
public sealed class ShootProgressView(ProgressContext progress)
{
    readonly Dictionary<string, ProgressTask> bars = ShootStages.Pipeline.ToDictionary(s => s, s => progress.AddTask(Label(s), autoStart: false, maxValue: 1));
    string? current;

    public void Update(ShootStatus status)
    {
        if (!bars.TryGetValue(status.Stage, out var bar))
        {
            if (status.Status == ShootStatuses.Delivered) foreach (var b in bars.Values) { b.MaxValue = Math.Max(1, b.MaxValue); b.Value = b.MaxValue; b.StopTask(); }
            return;
        }
        foreach (var stage in ShootStages.Pipeline.TakeWhile(s => s != status.Stage))
        {
            var done = bars[stage];
            if (!done.IsFinished) { done.Value = done.MaxValue; done.StopTask(); }
        }
        if (current != status.Stage) bar.StartTask();
        current = status.Stage;
        bar.MaxValue = Math.Max(1, status.Total);
        bar.Value = Math.Min(status.Done, bar.MaxValue);
    }

    static string Label(string stage) => stage switch
    {
        ShootStages.Inspect => "Inspect photos",
        ShootStages.Identity => "Identity profile",
        ShootStages.Generate => "Generate looks",
        ShootStages.Select => "Select the best",
        ShootStages.Enhance => "Retouch",
        ShootStages.Upscale => "Render 16 MP",
        ShootStages.Publish => "Publish gallery",
        ShootStages.Notify => "Email the link",
        _ => stage,
    };
}
