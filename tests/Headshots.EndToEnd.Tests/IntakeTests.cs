using Azure.Storage.Blobs;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using ImageMagick;

namespace Headshots.EndToEnd.Tests;

/// <summary>Photo intake through the whole local stack: the face models judge real photos, the person sees why.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class IntakeTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task Shoot_FriendAndCatAmongSelfies_RejectsThemWithReasonsAndDeliversFromTheRest()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var photos = studio.Photos(9).Append(("friend.jpg", Friend(1)[0].Content)).Append(("cat.png", Cat())).ToList();

        var (shoot, final) = await ShootFlow.RunAsync(http, photos, "kim@example.com");

        Assert.Equal("Delivered", final.Status);
        var friend = Assert.Single(final.Photos, p => p.Name == "friend.jpg");
        Assert.Equal("different_person", friend.Code);
        Assert.True(friend.Measurements?.IdentityDistance > 0.6, $"friend at {friend.Measurements?.IdentityDistance}");
        Assert.Equal("no_face", Assert.Single(final.Photos, p => p.Name == "cat.png").Code);
        Assert.All(final.Photos.Where(p => p.Accepted), p => Assert.True(p.Measurements?.IdentityDistance < 0.6, $"{p.Name} at {p.Measurements?.IdentityDistance}"));
        Assert.Equal(9, final.Photos.Count(p => p.Accepted));
        // The identity profile keeps an aligned face crop of each of the person's photos, and none of the friend.
        var work = new BlobContainerClient(AzuriteConnection.For(studio.Ports), StorageNames.WorkContainer);
        var chips = work.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shoot.ShootId}/identity/faces/", CancellationToken.None).Select(b => b.Name).ToList();
        Assert.Equal(9, chips.Count);
        Assert.DoesNotContain(chips, c => c.Contains("friend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shoot_TwoPeopleEquallyOften_StopsAndAsksWhoseHeadshotsToMake()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub());
        using var http = studio.Http(stack.BaseUrl);
        var photos = studio.Photos(4).Concat(Friend(4)).ToList();

        var (shoot, final) = await ShootFlow.RunAsync(http, photos, "lee@example.com");

        Assert.Equal("Failed", final.Status);
        Assert.Contains("one person", final.Error);
        var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Contains("one person", email);
    }

    private IReadOnlyList<(string Name, byte[] Content)> Friend(int count) =>
        SampleShootDeriver.Derive(File.ReadAllBytes(Path.Combine(studio.Paths.Samples, "grace_hopper.jpg")), count, seed: 12)
            .Select(p => ("friend-" + p.Name, p.Jpeg)).ToList();

    private byte[] Cat()
    {
        using var cat = new MagickImage(Path.Combine(studio.Paths.Samples, "chelsea.png"));
        cat.Resize(new MagickGeometry(1200, 800));
        return cat.ToByteArray(MagickFormat.Jpeg);
    }
}
