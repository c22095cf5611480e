using System.Globalization;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Orchestrations;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// A mail server that is down when the shoot reaches its notify stage, on the real local stack: this test's own
/// smtp4dev (on a port block of its own, so the shared one stays up for the other tests), stopped and started here.
/// </summary>
[Collection(LocalStudioCollection.Name)]
public sealed class MailOutageTests(LocalStudioFixture studio)
{
    static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Shoot_MailServerDownAtNotifyThenBack_DeliveredThroughoutAndOneEmail()
    {
        var (stack, mail, shoot) = await ShootWithMailDownAsync("mae@example.com", giveUpAfter: "00:30:00");
        await using var running = stack;
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);

        var seen = new List<ShootStatus>();
        var refused = await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Email is { State: EmailStates.Pending, Tries: >= 2 }, ShootFlow.Timeout, seen);
        Assert.NotNull(refused);
        Assert.Equal("Delivered", refused.Status);
        Assert.NotNull(refused.Email!.NextTryAt);
        Assert.Contains("Email not sent yet", await http.GetStringAsync(new Uri(shoot.StatusPage!)), StringComparison.Ordinal);

        await using var server = await Smtp4devServer.EnsureAsync(studio.Paths, mail, CancellationToken.None);
        var sent = await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Email?.State == EmailStates.Sent && s.Stage == ShootStages.Delivered, Deadline, seen);

        Assert.NotNull(sent);
        Assert.All(seen.SkipWhile(s => s.Status != "Delivered"), s => Assert.Equal("Delivered", s.Status));
        Assert.True(sent.Email!.Tries >= 3, $"sent at try {sent.Email.Tries}");
        Assert.Equal(1, await EmailsForAsync(mail, shoot.ShootId));
        Assert.Contains("Emailed on", await http.GetStringAsync(new Uri(shoot.StatusPage!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shoot_MailServerNeverBack_EmailNotSentAndTheGalleryIntact()
    {
        var (stack, _, shoot) = await ShootWithMailDownAsync("ned@example.com", giveUpAfter: "00:00:06");
        await using var running = stack;
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);

        var given = await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Email?.State == EmailStates.GivenUp, ShootFlow.Timeout);

        Assert.NotNull(given);
        Assert.Equal(("Delivered", ShootStages.Delivered), (given.Status, given.Stage));
        Assert.Contains("Email not sent", given.Email!.Message, StringComparison.Ordinal);
        var manifest = await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None);
        Assert.Equal(given.Delivered, manifest!.Images.Count);
        var gallery = await http.GetStringAsync(new Uri(given.GalleryUrl!));
        Assert.Contains("Email not sent", gallery, StringComparison.Ordinal);
        Assert.All(manifest.Images, i => Assert.Contains(i.File, gallery, StringComparison.Ordinal));
        var page = await http.GetStringAsync(new Uri(shoot.StatusPage!));
        Assert.Contains("Open your gallery", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_AfterEmailNotSent_CliSendsItOnceAndTheApiNeedsTheToken()
    {
        var (stack, mail, shoot) = await ShootWithMailDownAsync("ola@example.com", giveUpAfter: "00:00:03");
        await using var running = stack;
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        Assert.NotNull(await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Email?.State == EmailStates.GivenUp, ShootFlow.Timeout));
        await using var server = await Smtp4devServer.EnsureAsync(studio.Paths, mail, CancellationToken.None);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(shoot.StatusPage!).Query)["t"]!;

        using var anonymous = await http.PostAsync($"api/shoots/{shoot.ShootId}/resend", null);
        var (exit, output, error) = await studio.RunCliAsync("resend", shoot.ShootId, "--token", token);
        using var again = await http.PostAsync($"api/shoots/{shoot.ShootId}/resend?t={token}", null);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Contains("?t=", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(exit == 0, output + error);
        Assert.Contains("Emailed on", output, StringComparison.Ordinal);
        Assert.Equal((System.Net.HttpStatusCode)429, again.StatusCode);
        Assert.True(again.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var status = await client.GetStatusAsync(shoot.StatusUrl, CancellationToken.None);
        Assert.Equal(("Delivered", EmailStates.Sent), (status!.Status, status.Email!.State));
        Assert.Equal(1, await EmailsForAsync(mail, shoot.ShootId));
    }

    [Fact]
    public async Task Order_NotJsonWhileMailServerDown_StoppedThroughoutAndOneEmailWhenBack()
    {
        var (stack, mail) = await StackWithMailDownAsync(giveUpAfter: "00:30:00");
        await using var running = stack;
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.CreateShootAsync("pia@example.com", ["a.jpg"], CancellationToken.None);

        await client.UploadAsync(shoot.OrderUrl, "{ not json"u8.ToArray(), "application/json", CancellationToken.None);
        var seen = new List<ShootStatus>();
        var waiting = await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Email is { State: EmailStates.Pending, Tries: >= 2 }, ShootFlow.Timeout, seen);
        Assert.NotNull(waiting);
        await using var server = await Smtp4devServer.EnsureAsync(studio.Paths, mail, CancellationToken.None);
        var sent = await ShootFlow.UntilAsync(client, shoot.StatusUrl, s => s.Email?.State == EmailStates.Sent, Deadline, seen);

        Assert.NotNull(sent);
        Assert.Equal("Failed", waiting.Status);
        Assert.All(seen.SkipWhile(s => s.Status != "Failed"), s => Assert.Equal("Failed", s.Status));
        Assert.Contains("order.json is not valid JSON", sent.Error, StringComparison.Ordinal);
        Assert.Equal(1, await EmailsForAsync(mail, shoot.ShootId));
    }

    /// <summary>A stack as <see cref="StackWithMailDownAsync"/> makes, and a shoot of eight good photos started on it.</summary>
    async Task<(LocalStack Stack, LocalPorts Mail, CreateShootResponse Shoot)> ShootWithMailDownAsync(string email, string giveUpAfter)
    {
        var (stack, mail) = await StackWithMailDownAsync(giveUpAfter);
        using var http = studio.Http(stack.BaseUrl);
        var shoot = await new StudioClient(http).SubmitAsync(email, ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);
        return (stack, mail, shoot);
    }

    /// <summary>
    /// A stack whose mail server is on a port block of the test's own, where nothing listens yet (down from before the
    /// notify stage), retried every second or two.
    /// </summary>
    async Task<(LocalStack Stack, LocalPorts Mail)> StackWithMailDownAsync(string giveUpAfter)
    {
        var mail = LocalPorts.FirstFreeBlock(LocalStudioFixture.PortBase + 200);
        var stack = await studio.StartStackAsync(studio.NewHub(), extra: new Dictionary<string, string?>
        {
            ["Smtp:Port"] = mail.Smtp.ToString(CultureInfo.InvariantCulture),
            ["EmailRetry:FirstWait"] = "00:00:01",
            ["EmailRetry:MaxWait"] = "00:00:02",
            ["EmailRetry:GiveUpAfter"] = giveUpAfter,
        });
        return (stack, mail);
    }

    /// <summary>The messages for the shoot that the test's own mail server received.</summary>
    static async Task<int> EmailsForAsync(LocalPorts mail, string shootId)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mail.SmtpWeb.ToString(CultureInfo.InvariantCulture)}/") };
        var inbox = new SmtpInbox(http);
        var raws = await Task.WhenAll((await inbox.ListAsync(CancellationToken.None)).Select(m => inbox.RawAsync(m.Id, CancellationToken.None)));
        return raws.Count(r => r.Contains($"X-Headshots-Shoot: {shootId}", StringComparison.Ordinal));
    }
}
