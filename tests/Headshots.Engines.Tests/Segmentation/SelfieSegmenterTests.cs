using Headshots.Engines.Segmentation;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Segmentation;

public sealed class SelfieSegmenterTests
{
    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Segment_Portrait_CoversThePersonAndNotTheBackground(string name)
    {
        var portrait = Portrait.Named(name);
        var image = portrait.Image();

        var mask = new SelfieSegmenter(TestModels.Models).Segment(image);

        Assert.Equal((image.Width, image.Height), (mask.Width, mask.Height));
        Assert.All(portrait.Person, r => Assert.True(mask.Coverage(r.Left, r.Top, r.Right, r.Bottom) > 0.9, $"person region {r}: {mask.Coverage(r.Left, r.Top, r.Right, r.Bottom):0.00}"));
        Assert.All(portrait.Background, r => Assert.True(mask.Coverage(r.Left, r.Top, r.Right, r.Bottom) < 0.1, $"background region {r}: {mask.Coverage(r.Left, r.Top, r.Right, r.Bottom):0.00}"));
    }

    [Fact]
    public void Segment_PersonEdge_IsSoftNotBlocky()
    {
        var image = Portrait.GraceHopper.Image();

        var mask = new SelfieSegmenter(TestModels.Models).Segment(image);

        // Guided upsampling leaves intermediate values along the outline instead of a hard 0/255 staircase.
        var soft = mask.Alpha.Count(a => a is > 20 and < 235);
        Assert.InRange(soft, image.Width / 2, image.Width * image.Height / 5);
    }
}
