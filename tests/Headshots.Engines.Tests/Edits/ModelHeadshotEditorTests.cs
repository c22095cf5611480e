using System.Collections.Concurrent;
using System.Drawing;
using Headshots.Engines.Edits;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Edits;

namespace Headshots.Engines.Tests.Edits;

public sealed class ModelHeadshotEditorTests
{
    static readonly ModelHeadshotEditor Editor = new(FaceAnalyser.On(TestModels.Models), new SelfieSegmenter(TestModels.Models));

    /// <summary>Each (portrait, clothes, background) edited once for the whole run: several tests judge the same result.</summary>
    static readonly ConcurrentDictionary<(string, string?, string?), Lazy<Pixels>> Edited = new();

    static Pixels Edit(Portrait portrait, string? clothes, string? background) =>
        Edited.GetOrAdd((portrait.Name, clothes, background), key => new Lazy<Pixels>(() =>
        {
            var colour = clothes is null ? null : EditColour.Named[clothes];
            BackgroundChoice? choice = null;
            if (background is not null) Assert.True(BackgroundChoice.TryParse(background, out choice, out var error), error);
            return Pixels.Of(Editor.Edit(portrait.Bytes(), colour, choice, CancellationToken.None).Jpeg);
        })).Value;

    public static TheoryData<string, string> ClothesCases => new()
    {
        { Portrait.Astronaut.Name, "navy" },
        { Portrait.Astronaut.Name, "red" },
        { Portrait.GraceHopper.Name, "red" },
        { Portrait.GraceHopper.Name, "teal" },
    };

    public static TheoryData<string, string> BackgroundCases => new()
    {
        { Portrait.Astronaut.Name, "light-blue" },
        { Portrait.Astronaut.Name, "blur" },
        { Portrait.Astronaut.Name, "corporate-grey" },
        { Portrait.GraceHopper.Name, "#404040" },
        { Portrait.GraceHopper.Name, "blur" },
        { Portrait.GraceHopper.Name, "outdoor-natural" },
    };

    [Theory]
    [MemberData(nameof(ClothesCases))]
    public void Edit_ClothesColour_MovesTheClothingHueToTheTarget(string portrait, string colour)
    {
        var source = Portrait.Named(portrait);
        var target = EditColour.Named[colour];

        var edited = Edit(source, colour, null);

        var hue = Regions.Hue(edited, Clothing(source));
        var goal = Regions.Hue(target.R, target.G, target.B);
        Assert.True(Regions.HueDistance(hue, goal) < 20, $"clothing hue {hue:0}°, target {goal:0}°");
    }

    [Theory]
    [MemberData(nameof(ClothesCases))]
    public void Edit_ClothesColour_LeavesTheFaceAsItWas(string portrait, string colour)
    {
        var source = Portrait.Named(portrait);
        var unedited = Edit(source, null, null);

        var edited = Edit(source, colour, null);

        var face = Rectangle.Round(source.Face);
        Assert.InRange(MeanDifference(edited, unedited, face), 0, 2);
    }

    [Theory]
    [MemberData(nameof(ClothesCases))]
    public void Edit_ClothesColour_KeepsTheFabricsFoldsAndShading(string portrait, string colour)
    {
        var source = Portrait.Named(portrait);
        var before = Pixels.Of(source.Bytes());

        var edited = Edit(source, colour, null);

        // The recoloured pixels only: badges, a tie or ribbons in the region keep their colour by design, and
        // those already near the target colour would count as "dyed" without having changed.
        var goal = Regions.Hue(EditColour.Named[colour].R, EditColour.Named[colour].G, EditColour.Named[colour].B);
        var dyed = Regions.Where(edited, Clothing(source), (l, c, h) => c > 0.02 && Regions.HueDistance(h, goal) < 25)
            .Where(i => Enumerable.Range(0, 3).Any(c => Math.Abs(edited.Rgb[(3 * i) + c] - before.Rgb[(3 * i) + c]) > 20))
            .ToList();
        Assert.True(dyed.Count > 2000, $"only {dyed.Count} recoloured pixels");
        var ratio = Regions.LightnessDeviation(edited, dyed) / Regions.LightnessDeviation(before, dyed);
        Assert.InRange(ratio, 0.7, 1.3);
    }

    [Theory]
    [MemberData(nameof(BackgroundCases))]
    public void Edit_Background_LeavesTheSolidPersonUnchanged(string portrait, string background)
    {
        var source = Portrait.Named(portrait);
        var unedited = Edit(source, null, null);
        var solid = SolidPerson(source.Image());

        var edited = Edit(source, null, background);

        long total = 0;
        foreach (var i in solid)
        {
            for (var c = 0; c < 3; c++) total += Math.Abs(edited.Rgb[(3 * i) + c] - unedited.Rgb[(3 * i) + c]);
        }

        Assert.True(solid.Count > 5000, "too little solid person to judge");
        Assert.InRange(total / (3.0 * solid.Count), 0, 1.0);
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Edit_BackgroundColour_MakesTheBackgroundThatColour(string portrait)
    {
        var source = Portrait.Named(portrait);
        var colour = EditColour.Named["light-blue"];

        var edited = Edit(source, null, "light-blue");

        foreach (var region in source.Background)
        {
            var (r, g, b) = Regions.Mean(edited, region);
            Assert.True(Math.Abs(r - colour.R) < 25 && Math.Abs(g - colour.G) < 25 && Math.Abs(b - colour.B) < 25, $"background {region} is {r:0}/{g:0}/{b:0}, asked {colour.Hex}");
        }
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Edit_BackgroundBlur_ThrowsTheBackgroundOutOfFocusKeepingItsColours(string portrait)
    {
        var source = Portrait.Named(portrait);
        var before = Pixels.Of(source.Bytes());

        var edited = Edit(source, null, "blur");

        // Summed over the regions: a plain wall has no detail to lose (the backdrop's grain is the photo's own noise).
        var sharp = source.Background.Sum(r => Regions.Detail(before, r));
        var blurred = source.Background.Sum(r => Regions.Detail(edited, r));
        Assert.True(blurred < sharp * 0.7, $"background detail {sharp:0.0} only fell to {blurred:0.0}");
        foreach (var region in source.Background)
        {
            var (r0, g0, b0) = Regions.Mean(before, region);
            var (r1, g1, b1) = Regions.Mean(edited, region);
            Assert.True(Math.Abs(r1 - r0) + Math.Abs(g1 - g0) + Math.Abs(b1 - b0) < 90, $"background {region} changed colour: {r0:0}/{g0:0}/{b0:0} → {r1:0}/{g1:0}/{b1:0}");
        }
    }

    [Fact]
    public void Edit_ClothesAndBackground_KeepTheSizeAndAreDeterministic()
    {
        var choice = new BackgroundChoice(BackgroundKind.Look, "bright-office");

        var first = Editor.Edit(SamplePhotos.GraceHopper, EditColour.Named["burgundy"], choice, CancellationToken.None);
        var second = Editor.Edit(SamplePhotos.GraceHopper, EditColour.Named["burgundy"], choice, CancellationToken.None);

        Assert.Equal((512, 600), (first.Width, first.Height));
        Assert.Equal((512, 600), (Pixels.Of(first.Jpeg).Width, Pixels.Of(first.Jpeg).Height));
        Assert.Equal(first.Jpeg, second.Jpeg);
    }

    /// <summary>The labelled certainly-person region below the face: the clothes.</summary>
    static Rectangle Clothing(Portrait portrait) => portrait.Person[1];

    /// <summary>Pixels deep inside the person: mask ≥ 250 everywhere within 8 px.</summary>
    static List<int> SolidPerson(RgbImage image)
    {
        var mask = new SelfieSegmenter(TestModels.Models).Segment(image);
        var solid = mask.Alpha.Select(a => a >= 250 ? 1f : 0f).ToArray();
        var eroded = BoxBlur.Mean(solid, image.Width, image.Height, 8);
        return Enumerable.Range(0, eroded.Length).Where(i => eroded[i] > 0.9999f).ToList();
    }

    static double MeanDifference(Pixels a, Pixels b, Rectangle r)
    {
        long total = 0;
        var n = 0;
        for (var y = r.Top; y < r.Bottom; y++)
        {
            for (var x = r.Left; x < r.Right; x++)
            {
                var i = 3 * ((y * a.Width) + x);
                total += Math.Abs(a.Rgb[i] - b.Rgb[i]) + Math.Abs(a.Rgb[i + 1] - b.Rgb[i + 1]) + Math.Abs(a.Rgb[i + 2] - b.Rgb[i + 2]);
                n += 3;
            }
        }

        return total / (double)n;
    }
}
