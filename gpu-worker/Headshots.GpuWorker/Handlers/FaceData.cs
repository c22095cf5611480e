using System.Text.Json;
using Headshots.Engines.Faces;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>How faces travel in job results (the main face, in fractions) and blobs (JSON with boxes, keypoints and embeddings).</summary>
internal static class FaceData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The main face of a photo; null when none was found.</summary>
    public static MainFace? MainFaceOf(FaceAnalysis analysis)
    {
        if (analysis.Main is not { } main)
        {
            return null;
        }

        var box = main.Detection.Box;
        return new MainFace(
            JobData.Round(main.Detection.Score),
            [.. new[] { box.X / analysis.ImageWidth, box.Y / analysis.ImageHeight, box.Width / analysis.ImageWidth, box.Height / analysis.ImageHeight }.Select(v => JobData.Round(v))],
            JobData.Round(box.Width / analysis.ImageWidth),
            JobData.Round(main.Landmarks.Yaw),
            JobData.Round(main.Landmarks.RollDegrees),
            JobData.Round(main.Landmarks.Confidence));
    }

    /// <summary>The faces of one photo, as the intake and studio stages read them back.</summary>
    public static byte[] ToJson(FaceAnalysis analysis) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        width = analysis.ImageWidth,
        height = analysis.ImageHeight,
        faces = analysis.Faces.Select(f => new
        {
            score = Math.Round(f.Detection.Score, 4),
            box = new[] { f.Detection.Box.X, f.Detection.Box.Y, f.Detection.Box.Width, f.Detection.Box.Height }.Select(v => Math.Round(v, 1)),
            keypoints = f.Detection.Keypoints.Select(k => new[] { Math.Round(k.X, 1), Math.Round(k.Y, 1) }),
            meshConfidence = Math.Round(f.Landmarks.Confidence, 4),
            yaw = Math.Round(f.Landmarks.Yaw, 3),
            roll = Math.Round(f.Landmarks.RollDegrees, 2),
            landmarks = f.Landmarks.Points.Select(p => new[] { Math.Round(p.X, 1), Math.Round(p.Y, 1), Math.Round(p.Z, 1) }),
            embedding = f.Embedding?.Vector,
        }),
    }, Json);
}
