using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Engines.Tests.Support;
using ImageMagick;
using Xunit.Abstractions;

namespace Headshots.Engines.Tests.Intake;

/// <summary>
/// The group-photo rule measured on composed photos of the two sample people: the person, and beside them someone
/// else whose face is a given fraction of the person's face width, both perfectly sharp. The table in
/// docs/intake.md is this test's output.
/// </summary>
public sealed class GroupPhotoTests(ITestOutputHelper output)
{
    /// <summary>Relative widths at which the second face belongs to someone in the picture with the person.</summary>
    public static IEnumerable<object[]> Companions =>
        from pair in Pairs
        from relative in new[] { 0.5, 0.6, 0.75, 1.0 }
        select new object[] { pair.Main, pair.Other, relative };

    /// <summary>Relative widths at which the second face is someone far behind, which a selfie often has.</summary>
    public static IEnumerable<object[]> Background =>
        from pair in Pairs
        from relative in new[] { 0.15, 0.25, 0.35 }
        select new object[] { pair.Main, pair.Other, relative };

    static readonly (string Main, string Other)[] Pairs =
    [
        (Portrait.Astronaut.Name, Portrait.GraceHopper.Name),
        (Portrait.GraceHopper.Name, Portrait.Astronaut.Name),
    ];

    [Theory]
    [MemberData(nameof(Companions))]
    public void Assess_SecondFaceLargeBesideThePerson_IsMultipleFaces(string main, string other, double relativeWidth)
    {
        var assessment = Assess(main, other, relativeWidth);

        Assert.Equal(IntakeReasons.MultipleFaces, assessment.Code);
        Assert.False(string.IsNullOrWhiteSpace(assessment.Tip));
    }

    [Theory]
    [MemberData(nameof(Background))]
    public void Assess_SmallFaceFarBehind_IsAccepted(string main, string other, double relativeWidth)
    {
        var assessment = Assess(main, other, relativeWidth);

        Assert.True(assessment.Accepted, $"rejected: {string.Join(", ", assessment.Reasons)}");
    }

    PhotoAssessment Assess(string main, string other, double relativeWidth)
    {
        var photo = Compose(Portrait.Named(main), Portrait.Named(other), relativeWidth);
        var image = RgbImage.Decode(photo, FaceAnalyser.AnalysisEdge);
        var analysis = FaceAnalyser.On(TestModels.Models).Analyse(image);
        var assessment = new PhotoJudge(new IntakeThresholds()).Assess($"{main}+{other}@{relativeWidth}", image, analysis);

        // Measured independently of the judge: the detected widths, as the table in docs/intake.md reports them.
        var widths = analysis.Faces.Select(f => f.Detection.Box.Width).ToList();
        var measured = widths.Count > 1 ? widths.Skip(1).Max() / widths[0] : 0;
        output.WriteLine($"| {main} | {other} | {relativeWidth:0.00} | {analysis.Faces.Count} | {widths.FirstOrDefault() / analysis.ImageWidth:0.000} | " +
            $"{(widths.Count > 1 ? measured.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—")} | {assessment.Code ?? "accepted"} |");
        return assessment;
    }

    /// <summary>
    /// The main portrait with its face 240 px wide, and beside it, on the right, the other portrait scaled so its face
    /// is <paramref name="relativeWidth"/> of that, cropped to two and a half face widths around the face, faces level.
    /// </summary>
    internal static byte[] Compose(Portrait main, Portrait other, double relativeWidth)
    {
        const double mainFace = 240;
        using var person = new MagickImage(main.Bytes());
        var mainScale = mainFace / main.Face.Width;
        person.Resize(new MagickGeometry((uint)Math.Round(person.Width * mainScale), (uint)Math.Round(person.Height * mainScale)) { IgnoreAspectRatio = true });

        using var companion = new MagickImage(other.Bytes());
        var otherScale = relativeWidth * mainFace / other.Face.Width;
        companion.Resize(new MagickGeometry((uint)Math.Round(companion.Width * otherScale), (uint)Math.Round(companion.Height * otherScale)) { IgnoreAspectRatio = true });
        var otherCentreX = (other.Face.X + (other.Face.Width / 2)) * otherScale;
        var otherCentreY = (other.Face.Y + (other.Face.Height / 2)) * otherScale;
        var window = (int)Math.Min(companion.Width, Math.Max(2.5 * other.Face.Width * otherScale, 40));
        var left = (int)Math.Clamp(otherCentreX - (window / 2.0), 0, companion.Width - window);
        companion.Crop(new MagickGeometry(left, 0, (uint)window, companion.Height));
        companion.ResetPage();

        var mainCentreY = (main.Face.Y + (main.Face.Height / 2)) * mainScale;
        using var canvas = new MagickImage(new MagickColor("#808080"), person.Width + (uint)window, person.Height);
        canvas.Composite(person, 0, 0, CompositeOperator.Over);
        canvas.Composite(companion, (int)person.Width, (int)Math.Round(mainCentreY - otherCentreY), CompositeOperator.Over);
        canvas.Quality = 95;
        return canvas.ToByteArray(MagickFormat.Jpeg);
    }
}
