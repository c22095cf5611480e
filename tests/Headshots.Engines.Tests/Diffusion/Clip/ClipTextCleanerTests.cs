using Headshots.Engines.Diffusion.Clip;

namespace Headshots.Engines.Tests.Diffusion.Clip;

public sealed class ClipTextCleanerTests
{
    [Theory]
    [InlineData("  Navy   Blazer \r\n", "navy blazer")]
    [InlineData("salt &amp; pepper", "salt & pepper")]
    [InlineData("salt &amp;amp; pepper", "salt & pepper")]
    [InlineData("a\u00A0b\u3000c", "a b c")]
    [InlineData("", "")]
    public void Clean_Text_UnescapedCollapsedLowerCase(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }
}
