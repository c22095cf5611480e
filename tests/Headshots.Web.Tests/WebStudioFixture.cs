using System.Globalization;
using System.Text.RegularExpressions;
using Headshots.Engines.Imaging;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Microsoft.Playwright;

namespace Headshots.Web.Tests;

/// <summary>
/// The real local stack (Azurite, smtp4dev, the runtime with the real engines) on its own port block, Debian's
/// chromium driven by Playwright, and one shoot made through the start page that every gallery test shares
/// (a whole shoot takes about a minute).
/// </summary>
public sealed partial class WebStudioFixture : IAsyncLifetime
{
    /// <summary>
    /// 27610, or HEADSHOTS_WEB_PORT_BASE: its own block, so it runs beside the end-to-end project, and below Linux's
    /// ephemeral range, so no outgoing connection holds one of its ports.
    /// </summary>
    public static readonly int PortBase =
        int.TryParse(Environment.GetEnvironmentVariable("HEADSHOTS_WEB_PORT_BASE"), out var p) && p is > 1024 and < 65000 ? p : 27610;

    /// <summary>Debian's chromium (installed by ./headshots set-up); CHROMIUM_PATH overrides it.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    /// <summary>A name with markup in it: it must show as text on every page and in the email.</summary>
    public const string HostileName = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">Ada";

    readonly string storageFolder = Path.Combine(Path.GetTempPath(), "headshots-web-" + Guid.NewGuid().ToString("N")[..8]);
    readonly SemaphoreSlim shootOnce = new(1, 1);
    DeliveredShoot? delivered;
    IPlaywright? playwright;

    public RepositoryPaths Paths { get; } = RepositoryPaths.Find();
    public LocalPorts Ports { get; } = LocalPorts.FirstFreeBlock(PortBase);
    public LocalStack Stack { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseUrl => Stack.BaseUrl;

    /// <summary>Where each page's screenshot goes, for a reviewer to look at.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Paths.Samples, "astronaut.png")))
        {
            throw new InvalidOperationException("Sample photos are missing: run ./headshots setup (or tools/fetch-sample-photos.sh .cache/samples).");
        }
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./headshots setup, which installs Debian's chromium.");
        }
        Directory.CreateDirectory(Screenshots);
        Stack = await LocalStack.StartAsync(new LocalStackOptions
        {
            Paths = Paths,
            Ports = Ports,
            RunGpuWorker = true,
            StorageFolder = storageFolder,
            Settings = new Dictionary<string, string?>
            {
                ["LocalRuntime:HubName"] = "Web" + Guid.NewGuid().ToString("N")[..8],
                ["Pipeline:VariantsPerLook"] = "2",
                ["Pipeline:KeepPerLook"] = "1",
                ["Pipeline:MinAcceptedPhotos"] = "8",
                ["GpuJobs:AttemptTimeout"] = "00:02:00",
                // Every browser test starts its shoots from one address and one emulator.
                ["Limits:MaxShootsInFlight"] = "100000",
                ["Limits:MaxShootsPerEmailPerDay"] = "10000",
            },
            LogFile = Path.Combine(storageFolder, "logs", "web.log"),
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
        }, CancellationToken.None);

        // The driver ships in the NuGet package; the browser is never downloaded.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (Stack is not null) await Stack.DisposeAsync();
        try { Directory.Delete(storageFolder, recursive: true); } catch (IOException) { }
    }

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public SmtpInbox Inbox() => new(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Ports.SmtpWeb.ToString(CultureInfo.InvariantCulture)}/") });

    /// <summary>Ten photos of one person, derived from the public-domain NASA portrait, as the start page's file picker takes them.</summary>
    public IReadOnlyList<FilePayload> Photos(int count) =>
        SampleShootDeriver.Derive(File.ReadAllBytes(Path.Combine(Paths.Samples, "astronaut.png")), count, seed: 11)
            .Select(p => new FilePayload { Name = p.Name, MimeType = "image/jpeg", Buffer = p.Jpeg }).ToList();

    /// <summary>The one shoot of this run, made through the start page the first time a test asks for it.</summary>
    public async Task<DeliveredShoot> DeliveredAsync()
    {
        await shootOnce.WaitAsync();
        try
        {
            return delivered ??= await ShootThroughTheBrowserAsync();
        }
        finally
        {
            shootOnce.Release();
        }
    }

    async Task<DeliveredShoot> ShootThroughTheBrowserAsync()
    {
        var page = await NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations.Add(m.Text); };
        var start = await page.GotoAsync(BaseUrl.ToString());
        var startCsp = await start!.HeaderValueAsync("content-security-policy");

        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Your name").FillAsync(HostileName);
        // Two looks (one image each in these fast settings): enough for the lightbox to have somewhere to go.
        await page.Locator("#look-bright-office").UncheckAsync();
        await page.Locator("#look-corporate-grey").CheckAsync();
        await page.Locator("#look-bw-editorial").CheckAsync();
        await page.Locator("#photos").SetInputFilesAsync(Photos(10));
        await ScreenshotAsync(page, "01-start-photos-chosen");
        var startAxe = await Accessibility.SeriousOrCriticalAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start my shoot" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/s/[0-9a-f]{32}\\?t="), new() { Timeout = 120_000 });
        var statusUrl = page.Url;
        var shootId = StatusPagePath().Match(statusUrl).Groups[1].Value;
        await page.Locator("#photos li").First.WaitForAsync(new() { Timeout = 120_000 });
        await ScreenshotAsync(page, "02-status-verdicts");
        var statusAxe = await Accessibility.SeriousOrCriticalAsync(page);

        await page.Locator("#state", new() { HasTextRegex = new Regex("^Delivered") }).WaitForAsync(new() { Timeout = 600_000 });
        await ScreenshotAsync(page, "03-status-delivered");
        var reshootOffered = await page.Locator("#reshoot").IsVisibleAsync();
        var stages = await page.Locator("#stages li.done").CountAsync();
        var verdicts = await page.Locator("#photos li").AllInnerTextsAsync();

        var email = await Inbox().FindForShootAsync(shootId, TimeSpan.FromSeconds(60), CancellationToken.None)
            ?? throw new InvalidOperationException($"No email arrived for shoot {shootId}.");
        var link = GalleryLink().Match(email).Value;
        await page.Context.CloseAsync();
        return new DeliveredShoot(shootId, statusUrl, link, email, startCsp, cspViolations, startAxe, statusAxe, stages, verdicts, reshootOffered);
    }

    [GeneratedRegex("/s/([0-9a-f]{32})\\?t=")]
    private static partial Regex StatusPagePath();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/g/[A-Za-z0-9_-]{43}")]
    private static partial Regex GalleryLink();
}

/// <param name="Email">The raw message as the SMTP server received it.</param>
public sealed record DeliveredShoot(string ShootId, string StatusUrl, string GalleryUrl, string Email, string? StartCsp, IReadOnlyList<string> CspViolations,
    IReadOnlyList<string> StartAxe, IReadOnlyList<string> StatusAxe, int StagesDone, IReadOnlyList<string> Verdicts, bool ReshootOfferedLive);

[CollectionDefinition(Name)]
public sealed class WebStudioCollection : ICollectionFixture<WebStudioFixture>
{
    public const string Name = "web studio";
}
