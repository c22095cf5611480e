using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Tests.Looks;

public sealed class BackgroundCompositorTests
{
    const int Width = 240, Height = 300;

    [Fact]
    public void Composite_IntoBackdrop_WritesTheSameCompositeOverTheBackdrop()
    {
        var (photo, mask, head) = Subject();
        var options = new CompositeOptions(LightWrap: 0.5f, ContactShadow: 0.3f, Subject: new SubjectGrade(1.05f, 1f, 0.95f));
        var backdrop = Noise(7);

        var copied = BackgroundCompositor.Composite(photo, mask, backdrop, head, options);
        var backdropBefore = (byte[])backdrop.Pixels.Clone();
        var overwritten = BackgroundCompositor.Composite(photo, mask, backdrop, head, options, intoBackdrop: true);

        Assert.Same(backdrop, overwritten);
        Assert.False(backdropBefore.AsSpan().SequenceEqual(backdrop.Pixels), "the backdrop was not written over");
        Assert.True(copied.Pixels.AsSpan().SequenceEqual(overwritten.Pixels), "compositing over the backdrop gave other pixels than compositing into a new image");
    }

    [Fact]
    public void Composite_NoSubjectGrade_KeepsSolidPersonExactAndBackdropAboveTheShouldersExact()
    {
        var (photo, mask, head) = Subject();
        var backdrop = Noise(11);
        var expectedBackdrop = (byte[])backdrop.Pixels.Clone();

        var result = BackgroundCompositor.Composite(photo, mask, backdrop, head, new CompositeOptions(), intoBackdrop: true);

        // The centre of the solid disc is the person's own pixel; a corner above the shoulders, far from the outline, the backdrop's.
        var centre = 3 * ((150 * Width) + 120);
        var corner = 3 * ((5 * Width) + 5);
        Assert.Equal(photo.Pixels.AsSpan(centre, 3).ToArray(), result.Pixels.AsSpan(centre, 3).ToArray());
        Assert.Equal(expectedBackdrop.AsSpan(corner, 3).ToArray(), result.Pixels.AsSpan(corner, 3).ToArray());
    }

    /// <summary>A noisy photo with a solid disc of person in the middle whose edge fades over 12 px.</summary>
    static (RgbImage Photo, PersonMask Mask, HeadPosition Head) Subject()
    {
        var alpha = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var distance = Math.Sqrt(((x - 120) * (x - 120)) + ((y - 150) * (y - 150)));
                alpha[(y * Width) + x] = (byte)Math.Clamp(Math.Round(255 * (80 - distance) / 12), 0, 255);
            }
        }

        return (Noise(3), new PersonMask(Width, Height, alpha), new HeadPosition(120, 110, 60));
    }

    static RgbImage Noise(int seed)
    {
        var pixels = new byte[Width * Height * 3];
        new Random(seed).NextBytes(pixels);
        return new RgbImage(Width, Height, pixels);
    }
}
