using System.Text.Json;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Limits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Tests.Limits;

/// <summary>
/// The creating endpoints' handlers as both hosts call them: the per-client rate limit, the access code and the caps on
/// shoots, each refusal answered before anything is created (storage is not reachable here, so reaching it would throw).
/// </summary>
public sealed class CreationLimitsTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    const string ValidShoot = """{"email": "ada@example.com", "photos": ["a.jpg", "b.jpg"]}""";

    static ServiceProvider Build(FakeShootCounts? counts = null, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        settings["Pipeline:PublicBaseUrl"] = "http://127.0.0.1:7071/";
        settings["Smtp:Host"] = "127.0.0.1";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new StoppedClock(Now));
        services.AddSingleton<IShootCounts>(counts ?? new FakeShootCounts());
        return services.AddHeadshotPipeline(configuration).BuildServiceProvider();
    }

    static RequestOrigin From(string address, string? code = null) => new(address, code);

    static JsonElement ProblemOf(ApiResponse response) => JsonDocument.Parse(response.Body).RootElement;

    [Fact]
    public async Task CreateAsync_SixtyFirstRequestOfABurst_Gets429WithRetryAfterAndAProblem()
    {
        using var provider = Build();
        var api = provider.GetRequiredService<ShootsApi>();

        // Each request is refused for its content (no photos) and still counts: a burst is limited however it is made.
        var answers = new List<ApiResponse>();
        for (var i = 0; i < 61; i++) answers.Add(await api.CreateAsync("""{"photos": []}""", From("203.0.113.7"), CancellationToken.None));
        var otherClient = await api.CreateAsync("""{"photos": []}""", From("198.51.100.2"), CancellationToken.None);

        Assert.All(answers.Take(60), a => Assert.Equal(400, a.StatusCode));
        var limited = answers[60];
        Assert.Equal(429, limited.StatusCode);
        Assert.StartsWith("application/problem+json", limited.ContentType, StringComparison.Ordinal);
        Assert.InRange(int.Parse(limited.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(429, ProblemOf(limited).GetProperty("status").GetInt32());
        Assert.Contains("60 such requests per minute", ProblemOf(limited).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, otherClient.StatusCode);
    }

    [Fact]
    public async Task ResendEmailAsync_BurstFromOneClient_SharesTheCreatingEndpointsLimit()
    {
        using var provider = Build(settings: new() { ["Limits:RequestsPerWindow"] = "3", ["Limits:Window"] = "00:10:00" });
        var api = provider.GetRequiredService<ShootsApi>();

        var created = await api.CreateAsync("""{"photos": []}""", From("203.0.113.7"), CancellationToken.None);
        var resends = new List<ApiResponse>();
        for (var i = 0; i < 3; i++) resends.Add(await api.ResendEmailAsync("not-a-shoot", "no-token", From("203.0.113.7"), CancellationToken.None));

        Assert.Equal([400, 404, 404, 429], resends.Prepend(created).Select(r => r.StatusCode));
        Assert.InRange(int.Parse(resends[2].Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 1, 600);
    }

    [Fact]
    public async Task CreateAsync_StudioFull_Answers503WithRetryAfterAndCreatesNothing()
    {
        using var provider = Build(new FakeShootCounts { InFlight = 3 }, new() { ["Limits:MaxShootsInFlight"] = "3" });
        var api = provider.GetRequiredService<ShootsApi>();

        var answer = await api.CreateAsync(ValidShoot, From("203.0.113.7"), CancellationToken.None);

        Assert.Equal(503, answer.StatusCode);
        Assert.Equal("300", answer.Headers["Retry-After"]);
        Assert.Contains("as many shoots as it takes at once (3)", ProblemOf(answer).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_EmailAtItsDailyCap_Answers429UntilItsOldestShootOfTheDayIsADayOld()
    {
        var counts = new FakeShootCounts();
        counts.Started.Add(("Ada@Example.com", Now - TimeSpan.FromHours(20)));
        counts.Started.Add(("ada@example.com", Now - TimeSpan.FromHours(2)));
        counts.Started.Add(("ada@example.com", Now - TimeSpan.FromHours(30)));
        using var provider = Build(counts, new() { ["Limits:MaxShootsPerEmailPerDay"] = "2" });
        var api = provider.GetRequiredService<ShootsApi>();
        var gate = provider.GetRequiredService<CreationGate>();

        var answer = await api.CreateAsync(ValidShoot, From("203.0.113.7"), CancellationToken.None);
        var otherEmail = await gate.AdmitShootAsync(From("203.0.113.8"), "grace@example.com", CancellationToken.None);

        Assert.Equal(429, answer.StatusCode);
        // Two shoots in the last 24 hours (the 30-hour-old one no longer counts); the 20-hour-old one frees a place in 4 hours.
        Assert.Equal("14400", answer.Headers["Retry-After"]);
        Assert.Contains("after 2026-12-07 16:00 UTC", ProblemOf(answer).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(otherEmail);
    }

    [Fact]
    public async Task CreateAsync_PrivateStudio_RefusesAMissingOrWrongCodeAndAdmitsTheRightOne()
    {
        using var provider = Build(settings: new() { ["Studio:AccessCode"] = "correct horse battery" });
        var api = provider.GetRequiredService<ShootsApi>();
        var gate = provider.GetRequiredService<CreationGate>();

        var missing = await api.CreateAsync(ValidShoot, From("203.0.113.7"), CancellationToken.None);
        var wrong = await api.CreateAsync(ValidShoot, From("203.0.113.7", "correct horse battery!"), CancellationToken.None);
        var right = await gate.AdmitShootAsync(From("203.0.113.7", "correct horse battery"), "ada@example.com", CancellationToken.None);

        Assert.Equal(401, missing.StatusCode);
        Assert.Contains(StudioAccess.Header, ProblemOf(missing).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(403, wrong.StatusCode);
        Assert.Null(right);
    }

    [Fact]
    public void StartPage_PrivateStudio_AsksForTheAccessCodeAndAPublicOneDoesNot()
    {
        using var privateStudio = Build(settings: new() { ["Studio:AccessCode"] = "correct horse battery" });
        using var publicStudio = Build();

        var asked = System.Text.Encoding.UTF8.GetString(privateStudio.GetRequiredService<ShootsApi>().StartPage().Body);
        var notAsked = System.Text.Encoding.UTF8.GetString(publicStudio.GetRequiredService<ShootsApi>().StartPage().Body);

        Assert.Contains("id=\"access-code\"", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse battery", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"access-code\"", notAsked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Limits:RequestsPerWindow", "0", "RequestsPerWindow")]
    [InlineData("Limits:MaxShootsInFlight", "0", "MaxShootsInFlight")]
    [InlineData("Limits:MaxShootsPerEmailPerDay", "-1", "MaxShootsPerEmailPerDay")]
    [InlineData("Limits:DailyGenerationBudget", "-5", "DailyGenerationBudget")]
    [InlineData("Limits:Window", "00:00:00", "Window")]
    [InlineData("Studio:AccessCode", "short", "Studio:AccessCode must be 8 to 200 characters")]
    public void Start_LimitOutOfRange_IsRefusedNamingTheSetting(string key, string value, string named)
    {
        using var provider = Build(settings: new() { [key] = value });

        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Defaults_AreValid()
    {
        // An empty access code is a public studio, as the Bicep passes it when the studio is not private.
        using var provider = Build(settings: new() { ["Studio:AccessCode"] = "" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(60, provider.GetRequiredService<IOptions<Options.LimitsOptions>>().Value.RequestsPerWindow);
    }
}

/// <summary>The client address the Function App's adapter reads from X-Forwarded-For.</summary>
public sealed class RequestOriginTests
{
    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("198.51.100.9, 203.0.113.7:443", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void BehindFrontEnd_ForwardedFor_IsTheLastAddressWithoutItsPort(string forwardedFor, string client)
    {
        Assert.Equal(client, RequestOrigin.BehindFrontEnd(forwardedFor, null).ClientAddress);
    }

    [Fact]
    public void BehindFrontEnd_NoHeader_HasNoAddress()
    {
        Assert.Null(RequestOrigin.BehindFrontEnd(null, "code").ClientAddress);
    }
}
