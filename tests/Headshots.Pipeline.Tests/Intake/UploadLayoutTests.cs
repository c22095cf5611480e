using Headshots.Pipeline.Intake;

namespace Headshots.Pipeline.Tests.Intake;

public sealed class UploadLayoutTests
{
    [Theory]
    [InlineData("IMG_0001.jpg")]
    [InlineData("Selfie (2).HEIC")]
    [InlineData("photo-3.webp")]
    public void ExplainBadPhotoName_PlainName_IsAccepted(string name)
    {
        Assert.Null(UploadLayout.ExplainBadPhotoName(name));
    }

    [Theory]
    [InlineData("../order.json", "path separator")]
    [InlineData("/etc/passwd", "path separator")]
    [InlineData("a\\b.jpg", "path separator")]
    [InlineData("..jpg", "starts with a dot")]
    [InlineData(".hidden.jpg", "starts with a dot")]
    [InlineData("bad\u0007name.jpg", "control characters")]
    [InlineData("", "empty")]
    [InlineData("photo?.jpg", "characters other than")]
    public void ExplainBadPhotoName_PathTrick_IsRejectedWithReason(string name, string expected)
    {
        Assert.Contains(expected, UploadLayout.ExplainBadPhotoName(name));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("../0123456789abcdef0123456789abc", false)]
    [InlineData("short", false)]
    public void IsValidShootId_Various_AcceptsOnlyServiceIds(string id, bool expected)
    {
        Assert.Equal(expected, UploadLayout.IsValidShootId(id));
    }
}
