using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Retouch;

/// <summary>
/// The sample portraits enlarged to a 1024 px long edge, so the face is as big as in a headshot candidate, with
/// their mesh, region masks and embedding, analysed once for the whole run.
/// </summary>
internal sealed record RetouchSubject(string Name, RgbImage Image, FaceLandmarks Landmarks, FaceRegionMasks Masks, FaceEmbedding Embedding)
{
    public const int Edge = 1024;

    static readonly Lazy<FaceAnalyser> SharedAnalyser = new(() => FaceAnalyser.On(TestModels.Models));
    static readonly Lazy<RetouchSubject> SharedAstronaut = new(() => Load(Portrait.Astronaut));
    static readonly Lazy<RetouchSubject> SharedHopper = new(() => Load(Portrait.GraceHopper));

    public static FaceAnalyser Analyser => SharedAnalyser.Value;

    public static IEnumerable<object[]> Both => Portrait.Both;

    public static RetouchSubject Named(string name) => name == Portrait.Astronaut.Name ? SharedAstronaut.Value : SharedHopper.Value;

    public float InterOcular => System.Numerics.Vector2.Distance(Landmarks.RightEyeCentre, Landmarks.LeftEyeCentre);

    /// <summary>The face and its features: the only pixels a retouch may change.</summary>
    public byte[] Face()
    {
        var face = new byte[Masks.Skin.Length];
        for (var i = 0; i < face.Length; i++)
        {
            face[i] = (byte)(Masks.Skin[i] | Masks.Lips[i] | Masks.Eyes[i] | Masks.Brows[i]);
        }

        return face;
    }

    public static byte[] Jpeg(RgbImage image)
    {
        using var magick = Rgb.ToMagick(image);
        magick.Quality = 95;
        return magick.ToByteArray(MagickFormat.Jpeg);
    }

    public static FaceEmbedding EmbeddingOf(RgbImage image) =>
        Analyser.Analyse(image).Main?.Embedding ?? throw new InvalidOperationException("No face in the retouched image.");

    static RetouchSubject Load(Portrait portrait)
    {
        using var magick = new MagickImage(portrait.Bytes());
        magick.ColorSpace = ColorSpace.sRGB;
        magick.FilterType = FilterType.Lanczos;
        magick.Resize(new MagickGeometry(Edge, Edge));
        var image = Rgb.Of(magick);
        var face = Analyser.Analyse(image).Main ?? throw new InvalidOperationException($"No face in {portrait.Name}.");
        return new RetouchSubject(portrait.Name, image, face.Landmarks, FaceRegionMasks.From(face.Landmarks, image.Width, image.Height), face.Embedding!);
    }
}
