using System.Numerics;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Looks;

/// <summary>
/// The main face's mesh in an image's own pixels, analysed on a copy no larger than the analyser's size (reduced by the
/// managed triangle filter, in parallel: every candidate and every delivery render locates the face on a 2048 px copy).
/// </summary>
internal static class MainFace
{
    public static FaceLandmarks? Locate(FaceAnalyser analyser, RgbImage image)
    {
        var edge = Math.Max(image.Width, image.Height);
        var scale = edge > FaceAnalyser.AnalysisEdge ? (float)FaceAnalyser.AnalysisEdge / edge : 1f;
        var analysed = scale < 1f
            ? LanczosResampler.ReduceWithTriangle(image, Math.Max(1, (int)MathF.Round(image.Width * scale)), Math.Max(1, (int)MathF.Round(image.Height * scale)))
            : image;
        var face = analyser.Analyse(analysed).Main;
        if (face is null)
        {
            return null;
        }

        if (analysed == image)
        {
            return face.Landmarks;
        }

        var sx = image.Width / (float)analysed.Width;
        var sy = image.Height / (float)analysed.Height;
        return face.Landmarks with { Points = face.Landmarks.Points.Select(p => new Vector3(p.X * sx, p.Y * sy, p.Z * sx)).ToList() };
    }

    /// <summary>The mesh moved into another frame's pixels.</summary>
    public static FaceLandmarks Map(FaceLandmarks face, Func<Vector2, Vector2> map, float scale) =>
        face with { Points = face.Points.Select(p => { var q = map(new Vector2(p.X, p.Y)); return new Vector3(q.X, q.Y, p.Z * scale); }).ToList() };

    public static HeadPosition Head(FaceLandmarks face)
    {
        var eyes = (face.RightEyeCentre + face.LeftEyeCentre) / 2;
        return new HeadPosition(eyes.X, eyes.Y, face.Bounds.Width);
    }
}
