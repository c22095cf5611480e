using System.Drawing;
using System.Numerics;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Tests.Support;

/// <summary>
/// The sample portraits with hand-labelled ground truth (pixels of the original files): where the face is, the
/// features on it, a region that is certainly the person and regions that are certainly background.
/// </summary>
internal sealed record Portrait(
    string Name,
    Func<byte[]> Bytes,
    RectangleF Face,
    Vector2 RightEye,
    Vector2 LeftEye,
    Vector2 Nose,
    Vector2 Mouth,
    Rectangle[] Person,
    Rectangle[] Background)
{
    public static readonly Portrait Astronaut = new(
        "astronaut",
        () => SamplePhotos.Astronaut,
        Face: new RectangleF(175, 72, 100, 108),
        RightEye: new(205, 103),
        LeftEye: new(246, 106),
        Nose: new(223, 127),
        Mouth: new(222, 146),
        Person: [new(185, 80, 80, 90), new(60, 320, 70, 150)],
        Background: [new(330, 120, 20, 120), new(0, 0, 60, 180), new(390, 60, 40, 150)]);

    public static readonly Portrait GraceHopper = new(
        "grace_hopper",
        () => SamplePhotos.GraceHopper,
        Face: new RectangleF(165, 140, 200, 200),
        RightEye: new(225, 195),
        LeftEye: new(310, 190),
        Nose: new(268, 235),
        Mouth: new(270, 278),
        Person: [new(190, 160, 150, 160), new(80, 430, 360, 150)],
        Background: [new(410, 20, 90, 260), new(0, 0, 120, 250)]);

    public static IEnumerable<object[]> Both => [[Astronaut.Name], [GraceHopper.Name]];

    public static Portrait Named(string name) => name == Astronaut.Name ? Astronaut : GraceHopper;

    public RgbImage Image() => RgbImage.Decode(Bytes(), 4096);
}
