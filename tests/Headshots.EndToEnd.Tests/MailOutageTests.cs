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
        var mail = LocalPorts.FirstFreeBlock(LocalStudioFixture.PortBase + 200);
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: Retrying(mail, giveUpAfter: "00:30:00"));
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        // Nothing listens on the mail port yet: the server is down from before the notify stage.
        var shoot = await client.SubmitAsync("mae@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);

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
        var inbox = new SmtpInbox(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mail.SmtpWeb.ToString(CultureInfo.InvariantCulture)}/") });
        var raws = await Task.WhenAll((await inbox.ListAsync(CancellationToken.None)).Select(m => inbox.RawAsync(m.Id, CancellationToken.None)));
        Assert.Single(raws, r => r.Contains($"X-Headshots-Shoot: {shoot.ShootId}", StringComparison.Ordinal));
        Assert.Contains("Emailed on", await http.GetStringAsync(new Uri(shoot.StatusPage!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shoot_MailServerNeverBack_EmailNotSentAndTheGalleryIntact()
    {
        var mail = LocalPorts.FirstFreeBlock(LocalStudioFixture.PortBase + 200);
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: Retrying(mail, giveUpAfter: "00:00:06"));
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.SubmitAsync("ned@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);

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
        var mail = LocalPorts.FirstFreeBlock(LocalStudioFixture.PortBase + 200);
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: Retrying(mail, giveUpAfter: "00:00:03"));
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.SubmitAsync("ola@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);
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
        var inbox = new SmtpInbox(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mail.SmtpWeb.ToString(CultureInfo.InvariantCulture)}/") });
        var raws = await Task.WhenAll((await inbox.ListAsync(CancellationToken.None)).Select(m => inbox.RawAsync(m.Id, CancellationToken.None)));
        Assert.Single(raws, r => r.Contains($"X-Headshots-Shoot: {shoot.ShootId}", StringComparison.Ordinal));
    }

    /// <summary>The stack's mail server on <paramref name="mail"/>'s SMTP port, retried every second or two.</summary>
    static Dictionary<string, string?> Retrying(LocalPorts mail, string giveUpAfter) => new()
    {
        ["Smtp:Port"] = mail.Smtp.ToString(CultureInfo.InvariantCulture),
        ["EmailRetry:FirstWait"] = "00:00:01",
        ["EmailRetry:MaxWait"] = "00:00:02",
        ["EmailRetry:GiveUpAfter"] = giveUpAfter,
    };
}
