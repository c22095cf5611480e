using System.ComponentModel.DataAnnotations;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Tests.Orchestrations;

/// <summary>The notify stage through a mail outage, on the in-memory durable host with real (short) durable timers.</summary>
public sealed class ShootMailTests
{
    static readonly EmailRetrySettings Quick = new(TimeSpan.FromMilliseconds(100), 2, TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(1));

    [Fact]
    public async Task RunAsync_MailServerDownThenBack_DeliveredFirstAndEmailedOnce()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.MailOutageTries = 3;

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-mail-back", looks: 1, variants: 2, keep: 1, emailRetry: Quick));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        var sent = Assert.Single(studio.Notifications);
        Assert.Equal((NotificationKinds.Delivered, 4), (sent.Kind, sent.Try));
        Assert.Equal([1, 2, 3, 4], studio.MailTries.Select(t => t.Try));
        // Recorded Delivered before the first try, and never anything else afterwards.
        var records = studio.Stages.ToList();
        var firstEmail = records.FindIndex(r => r.Email is not null);
        Assert.Equal((ShootStatuses.Delivered, EmailStates.Pending, 0), (records[firstEmail].Status, records[firstEmail].Email!.State, records[firstEmail].Email!.Tries));
        Assert.All(records.Skip(firstEmail), r => Assert.Equal(ShootStatuses.Delivered, r.Status));
        var waits = records.Where(r => r.Email is { NextTryAt: not null }).Select(r => r.Email!).ToList();
        Assert.Equal([1, 2, 3], waits.Select(w => w.Tries));
        Assert.All(waits, w => Assert.Contains("Connection refused", w.LastError, StringComparison.Ordinal));
        Assert.Equal(ShootStages.Delivered, records[^1].Stage);
    }

    [Fact]
    public async Task RunAsync_MailServerNeverBack_GivesUpAndTheShootStaysDelivered()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 10);
        studio.MailOutageTries = int.MaxValue;

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-mail-gone", looks: 1, variants: 2, keep: 1,
            emailRetry: Quick with { GiveUpAfter = TimeSpan.FromSeconds(2) }));

        Assert.Equal(ShootStatuses.Delivered, outcome.Status);
        Assert.Empty(studio.Notifications);
        // Waits of 100, 200, then 300 ms leave room for at most eight tries in 2 s; how many exactly depends on how long
        // each try took on the clock the orchestration reads.
        var tries = studio.MailTries.Count;
        Assert.InRange(tries, 2, 8);
        var last = studio.Stages.Last();
        Assert.Equal((ShootStatuses.Delivered, EmailStates.GivenUp, tries), (last.Status, last.Email?.State, last.Email?.Tries));
    }

    [Fact]
    public async Task RunAsync_FailureEmailDuringOutage_IsRetriedAndSentOnce()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 0);
        studio.MailOutageTries = 2;

        var outcome = await studio.RunAsync(FakeStudio.Input("shoot-mail-failed", emailRetry: Quick));

        Assert.Equal(ShootStatuses.Failed, outcome.Status);
        var sent = Assert.Single(studio.Notifications);
        Assert.Equal((NotificationKinds.Failed, 3), (sent.Kind, sent.Try));
        Assert.All(studio.Stages.Where(r => r.Email is not null), r => Assert.Equal(ShootStatuses.Failed, r.Status));
    }

    [Fact]
    public async Task StopNotice_MailServerDownThenBack_RecordsTheStopAndEmailsOnce()
    {
        await using var studio = await FakeStudio.StartAsync(photos: 0);
        studio.MailOutageTries = 2;
        var notice = new StopNotice("shoot-bad-order", "pia@example.com", "Pia", "order.json is not valid JSON. Fix order.json and upload it again.",
            "order.json is not valid JSON.", Quick);
        var instanceId = StopNoticeOrchestrator.InstanceIdFor(notice.ShootId);

        await studio.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StopNoticeOrchestrator), notice, new StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var done = await studio.Client.WaitForInstanceCompletionAsync(instanceId, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var sent = Assert.Single(studio.Notifications);
        Assert.Equal((NotificationKinds.Failed, 3, "order.json is not valid JSON."), (sent.Kind, sent.Try, sent.Error));
        Assert.Equal(3, studio.MailTries.Count);
        Assert.All(studio.Stages, r => Assert.Equal((ShootStatuses.Failed, notice.Error), (r.Status, r.Error)));
        Assert.Equal([0, 1, 2], studio.Stages.Select(r => r.Email!.Tries));
    }

    [Fact]
    public void WaitAfter_ManyFailedTries_GrowsThenStaysAtTheCeiling()
    {
        var retry = new EmailRetrySettings(TimeSpan.FromMinutes(1), 2, TimeSpan.FromHours(1), TimeSpan.FromHours(24));

        var waits = Enumerable.Range(1, 9).Select(retry.WaitAfter).Select(w => w.TotalMinutes).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
    }

    [Theory]
    [InlineData("00:01:00", "00:00:30", "24:00:00", "MaxWait")]
    [InlineData("00:01:00", "01:00:00", "00:00:30", "GiveUpAfter")]
    public void Validate_InconsistentWaits_NamesTheSetting(string first, string max, string giveUp, string named)
    {
        var options = new EmailRetryOptions { FirstWait = TimeSpan.Parse(first), MaxWait = TimeSpan.Parse(max), GiveUpAfter = TimeSpan.Parse(giveUp) };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(named) && r.ErrorMessage!.Contains($"EmailRetry:{named}", StringComparison.Ordinal));
    }
}
