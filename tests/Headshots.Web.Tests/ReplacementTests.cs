using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Headshots.Web.Tests;

/// <summary>A shoot that stops for too few usable photos goes on after a replacement, without starting over.</summary>
[Collection(WebStudioCollection.Name)]
public sealed class ReplacementTests(WebStudioFixture studio)
{
    [Fact]
    public async Task StatusPage_TooFewUsablePhotos_VerdictsWithTips_AReplacementRestartsTheShootToDelivered()
    {
        var person = studio.Photos(8);
        var samples = studio.Paths.Samples;
        FilePayload Sample(string file, string type) => new() { Name = file, MimeType = type, Buffer = File.ReadAllBytes(Path.Combine(samples, file)) };
        var page = await studio.NewPageAsync();
        await page.GotoAsync(studio.BaseUrl.ToString());
        await page.GetByLabel("Email").FillAsync("lin@example.com");
        await page.Locator("#look-bright-office").UncheckAsync();
        await page.Locator("#look-bw-editorial").UncheckAsync();
        await page.Locator("#look-corporate-grey").CheckAsync();
        // Seven of the person, a cat, a cup of coffee and someone else: seven usable, eight needed.
        await page.Locator("#photos").SetInputFilesAsync([.. person.Take(7), Sample("chelsea.png", "image/png"), Sample("coffee.png", "image/png"), Sample("grace_hopper.jpg", "image/jpeg")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start my shoot" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/s/[0-9a-f]{32}\\?t="), new() { Timeout = 120_000 });

        await page.Locator("#state", new() { HasTextRegex = new Regex("^Stopped") }).WaitForAsync(new() { Timeout = 360_000 });
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("at least 8 are needed");
        await Assertions.Expect(page.Locator("#photos li.rejected")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#photos li.rejected", new() { HasText = "chelsea.png" })).ToContainTextAsync("Tip:");
        await Assertions.Expect(page.Locator("#replace")).ToBeVisibleAsync();
        await WebStudioFixture.ScreenshotAsync(page, "15-status-stopped-replace");
        Assert.Empty(await Accessibility.SeriousOrCriticalAsync(page));

        await page.GetByLabel("Replacement photos").SetInputFilesAsync([person[7]]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and restart my shoot" }).ClickAsync();

        await page.Locator("#state", new() { HasTextRegex = new Regex("^Delivered") }).WaitForAsync(new() { Timeout = 600_000 });
        await Assertions.Expect(page.Locator("#photos-summary")).ToHaveTextAsync("8 of 11 photos can be used.");
        await Assertions.Expect(page.Locator("#photos li", new() { HasText = "new selfie-08.jpg" })).ToContainTextAsync("usable");
        await WebStudioFixture.ScreenshotAsync(page, "16-status-restarted-delivered");
        await page.Context.CloseAsync();
    }
}
