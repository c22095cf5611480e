using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Headshots.Web.Tests;

/// <summary>Not quite them: after delivery, the status page takes new photos and the same order trains again.</summary>
[Collection(WebStudioCollection.Name)]
public sealed class ReshootTests(WebStudioFixture studio)
{
    [Fact]
    public async Task StatusPage_Delivered_NewPhotosStartAReshootThatDeliversItsOwnGallery()
    {
        var shoot = await studio.DeliveredAsync();
        // The page that followed the shoot live offers the reshoot once it is delivered, without a reload.
        Assert.True(shoot.ReshootOfferedLive, "The status page followed the shoot to delivery but did not offer the reshoot.");
        var page = await studio.NewPageAsync();
        await page.GotoAsync(shoot.StatusUrl);
        await Assertions.Expect(page.Locator("#reshoot")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reshoot")).ToContainTextAsync("one more training");

        await page.GetByLabel("New photos").SetInputFilesAsync(studio.Photos(8));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and start my reshoot" }).ClickAsync();

        await page.WaitForURLAsync(url => new Regex("/s/[0-9a-f]{32}\\?t=").IsMatch(url) && !url.Contains(shoot.ShootId, StringComparison.Ordinal),
            new() { Timeout = 120_000 });
        await page.Locator("#state", new() { HasTextRegex = new Regex("^Delivered") }).WaitForAsync(new() { Timeout = 600_000 });
        await Assertions.Expect(page.Locator("#photos-summary")).ToHaveTextAsync("8 of 8 photos can be used.");
        // The order's two trainings are used: the reshoot's page offers no third.
        await Assertions.Expect(page.Locator("#reshoot")).ToBeHiddenAsync();
        await WebStudioFixture.ScreenshotAsync(page, "17-reshoot-delivered");
        Assert.Empty(await Accessibility.SeriousOrCriticalAsync(page));

        await page.GotoAsync(shoot.StatusUrl);
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync(new Regex("^Delivered"));
        await Assertions.Expect(page.Locator("#reshoot")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
