using System.Net;
using System.Net.Http.Json;
using Headshots.Local.Client;

namespace Headshots.EndToEnd.Tests;

[Collection(LocalStudioCollection.Name)]
public sealed class BadInputTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Order_NotJson_FailsWithReasonAndEmailsTheKnownAddress()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.CreateShootAsync("lin@example.com", ["a.jpg"], CancellationToken.None);
        await client.UploadAsync(shoot.Uploads[0].Url, studio.Photos(1)[0].Content, "image/jpeg", CancellationToken.None);

        await client.UploadAsync(shoot.OrderUrl, "{ this is not json"u8.ToArray(), "application/json", CancellationToken.None);
        var final = await ShootFlow.FollowAsync(http, shoot.StatusUrl);

        Assert.Equal("Failed", final.Status);
        Assert.Contains("order.json is not valid JSON", final.Error);
        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Contains("We could not finish your headshots", email);
        Assert.Contains("not valid JSON", email);
    }

    [Theory]
    [InlineData("""{"looks":["corporate-grey"]}""", "\"email\" field is missing")]
    [InlineData("""{"email":"not-an-address"}""", "\"not-an-address\" is not an email address")]
    [InlineData("""{"email":"kim@example.com","looks":["glamour"]}""", "\"glamour\" is not a look")]
    public async Task Order_MissingOrWrongField_FailsNamingTheField(string order, string expected)
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var client = new StudioClient(http);
        var shoot = await client.CreateShootAsync(null!, ["a.jpg"], CancellationToken.None);

        await client.UploadAsync(shoot.OrderUrl, System.Text.Encoding.UTF8.GetBytes(order), "application/json", CancellationToken.None);
        var final = await ShootFlow.FollowAsync(http, shoot.StatusUrl);

        Assert.Equal("Failed", final.Status);
        Assert.Contains(expected, final.Error);
        Assert.Null(await stack.Client.GetInstanceAsync(shoot.ShootId));
    }

    [Fact]
    public async Task Shoot_NoPhotosUploaded_FailsAndEmailsWhatToDo()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);

        var client = new StudioClient(http);
        var shoot = await client.CreateShootAsync("noor@example.com", ["a.jpg", "b.jpg"], CancellationToken.None);
        await client.UploadAsync(shoot.OrderUrl, """{"email":"noor@example.com"}"""u8.ToArray(), "application/json", CancellationToken.None);
        var final = await ShootFlow.FollowAsync(http, shoot.StatusUrl);

        Assert.Equal("Failed", final.Status);
        Assert.Contains("no photos were uploaded", final.Error);
        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Contains("no photos were uploaded", email);
    }

    [Fact]
    public async Task Shoot_OneFileIsNotAnImage_RejectsItWithTipAndDeliversFromTheRest()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var photos = studio.Photos(9).Append(("notes.jpg", "these are my notes, not a photo"u8.ToArray())).ToList();

        var (_, final) = await ShootFlow.RunAsync(http, photos, "sam@example.com");

        Assert.Equal("Delivered", final.Status);
        var rejected = Assert.Single(final.Photos, p => !p.Accepted);
        Assert.Equal("notes.jpg", rejected.Name);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Reason));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Tip));
        Assert.Equal(9, final.Photos.Count(p => p.Accepted));
    }

    [Fact]
    public async Task Shoot_TooManyBadFiles_FailsAndEmailsEachReason()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var photos = studio.Photos(6).Concat([("a.jpg", Array.Empty<byte>()), ("b.jpg", "%PDF-1.4 not a photo"u8.ToArray())]).ToList();

        var (shoot, final) = await ShootFlow.RunAsync(http, photos, "eli@example.com");

        Assert.Equal("Failed", final.Status);
        Assert.Contains("only 6 of your 8 photos can be used", final.Error);
        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Contains("a.jpg", email);
        Assert.Contains("b.jpg", email);
    }

    [Theory]
    [InlineData("""{"photos":["../../order.json"]}""", "path separator")]
    [InlineData("""{"photos":[]}""", "\"photos\" must list")]
    [InlineData("""{"email":"x","photos":["a.jpg"]}""", "is not an email address")]
    [InlineData("""not json""", "not valid JSON")]
    public async Task CreateShoot_BadRequest_Returns400NamingTheProblem(string body, string expected)
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);

        using var response = await http.PostAsync("api/shoots", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Contains(expected, problem!["detail"].ToString());
    }
}
