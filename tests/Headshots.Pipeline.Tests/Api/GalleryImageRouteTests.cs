using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;

namespace Headshots.Pipeline.Tests.Api;

/// <summary>GET /g/{token}/img/{file}: which names it serves, and as what.</summary>
public sealed class GalleryImageRouteTests
{
    static GalleryManifest Manifest(bool webP) => new("s1", "Ada", DateTimeOffset.UnixEpoch,
        [new GalleryImage("corporate-grey", "Corporate grey studio", "4:5", "corporate-grey-01.jpg", "corporate-grey-01-web.jpg", "corporate-grey-01-thumb.jpg",
            3580, 4475, 4_000_000, 0.87, FileWebP: webP ? "corporate-grey-01.webp" : null, WebWebP: webP ? "corporate-grey-01-web.webp" : null)]);

    [Theory]
    [InlineData("corporate-grey-01.webp")]
    [InlineData("corporate-grey-01-web.webp")]
    public void ServedContentType_WebPTheManifestNames_IsImageWebP(string file)
    {
        Assert.Equal("image/webp", GalleryApi.ServedContentType(Manifest(webP: true), file));
    }

    [Theory]
    [InlineData("corporate-grey-01.jpg")]
    [InlineData("corporate-grey-01-web.jpg")]
    [InlineData("corporate-grey-01-thumb.jpg")]
    public void ServedContentType_Jpeg_IsImageJpeg(string file)
    {
        Assert.Equal("image/jpeg", GalleryApi.ServedContentType(Manifest(webP: true), file));
    }

    [Theory]
    [InlineData("corporate-grey-01.webp")]
    [InlineData("corporate-grey-01-thumb.webp")]
    [InlineData("../s2/corporate-grey-01.webp")]
    [InlineData("corporate-grey-01.WEBP")]
    [InlineData("gallery.json")]
    public void ServedContentType_NameTheManifestDoesNotList_IsNotServed(string file)
    {
        // A gallery without WebP serves no .webp, and no gallery serves what its manifest does not name.
        Assert.Null(GalleryApi.ServedContentType(Manifest(webP: false), file));
        if (file != "corporate-grey-01.webp") Assert.Null(GalleryApi.ServedContentType(Manifest(webP: true), file));
    }
}
