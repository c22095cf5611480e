using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Storage;
using Headshots.Pipeline.Web;

namespace Headshots.Pipeline.Tests.Privacy;

/// <summary>The date everything is erased, as the person reads it, and the list of what "delete everything" erases.</summary>
public sealed class RetentionNoticeTests
{
    const string ShootId = "0123456789abcdef0123456789abcdef";
    static readonly DateTimeOffset Created = new(2026, 12, 7, 13, 30, 0, TimeSpan.Zero);

    static readonly IReadOnlyList<OrderShoot> Order =
    [
        new(ShootId, false, "Delivered", Created, 12),
        new("fedcba9876543210fedcba9876543210", true, "Running", Created.AddDays(2), 0),
    ];

    [Fact]
    public void ErasedOn_DefaultRetention_IsThirtyDaysAfterCreation()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 13, 30, 0, TimeSpan.Zero), new PrivacyOptions().ErasedOn(Created));
    }

    [Fact]
    public void StatusPage_ErasedOnKnown_StatesTheDateAndListsTheOrderBeforeTheConfirmation()
    {
        var status = new ShootStatus(ShootId, "Failed", "failed", 0, 0, ["inspect"], "too few photos", 5, 3, 0, [], Created, Created,
            ErasedOn: new DateTimeOffset(2027, 1, 6, 13, 30, 0, TimeSpan.Zero));

        var html = StatusPageRenderer.Render(status, "tok", 8, 0, Order);

        Assert.Contains("will be erased on 6 January 2027.", html);
        Assert.Contains($"<form method=\"post\" action=\"/api/shoots/{ShootId}/delete?t=tok\">", html);
        Assert.Contains("<li>Your shoot of 7 December 2026: delivered, 12 headshots</li>", html);
        Assert.Contains("<li>Your reshoot of 9 December 2026: in progress (it is cancelled first)</li>", html);
        Assert.True(html.IndexOf("Your reshoot of", StringComparison.Ordinal) < html.IndexOf("name=\"confirm\" value=\"yes\" required", StringComparison.Ordinal));
    }

    [Fact]
    public void GalleryPage_ErasedOnKnown_StatesTheDateAndListsEveryShootOfTheOrder()
    {
        var manifest = new GalleryManifest(ShootId, "Ada", Created, []);
        var state = new GalleryPageState("/g/tok/refine", false, [], "/g/tok/zip", "/g/tok/delete", Order: Order,
            ErasedOn: new DateTimeOffset(2027, 1, 6, 13, 30, 0, TimeSpan.Zero));

        var html = GalleryPageRenderer.Render(manifest, "/g/tok/img/", state);

        Assert.Contains("These headshots, your photos and this link will be erased on 6 January 2027", html);
        Assert.Contains("every shoot of your order:", html);
        Assert.Contains("<li>Your reshoot of 9 December 2026: in progress (it is cancelled first)</li>", html);
    }

    [Fact]
    public void GalleryReadyEmail_ErasedOnKnown_SaysUntilWhenTheLinkWorks()
    {
        var message = EmailComposer.GalleryReady("ada@example.com", "Ada", "http://studio.test/g/abc", 12, ShootId, erasedOn: new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains("It works until 6 January 2027, when your photos and headshots are erased", message.TextBody);
        Assert.Contains("It works until 6 January 2027", message.HtmlBody);
    }

    [Fact]
    public void FailureEmail_ErasedOnKnown_SaysWhenTheUploadedPhotosAreErased()
    {
        var message = EmailComposer.ShootFailed("ada@example.com", "Ada", "too few photos", [], ShootId, new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains("Your uploaded photos are kept until 6 January 2027 and then erased", message.TextBody);
        Assert.Contains("kept until 6 January 2027", message.HtmlBody);
    }

    [Fact]
    public void GalleryNotAvailable_Expired_IsAPlainPageSayingTheLinkExpired()
    {
        var html = GalleryPageRenderer.RenderNotAvailable(expired: true);

        Assert.Contains("The link has expired", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<form", html);
    }
}
