using System.Globalization;
using System.Text.Json;
using Headshots.Engines.Faces;

namespace Headshots.GpuWorker.Handlers;

/// <summary>How faces travel in job results (flat numbers) and blobs (JSON with boxes, keypoints and embeddings).</summary>
internal static class FaceData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static void Describe(FaceAnalysis analysis, Dictionary<string, string> data)
    {
        data["faces"] = analysis.Faces.Count.ToString(CultureInfo.InvariantCulture);
        if (analysis.Main is not { } main)
        {
            return;
        }

        var box = main.Detection.Box;
        data["faceScore"] = JobData.Format(main.Detection.Score);
        data["faceBox"] = string.Join(',', new[] { box.X / analysis.ImageWidth, box.Y / analysis.ImageHeight, box.Width / analysis.ImageWidth, box.Height / analysis.ImageHeight }
            .Select(v => JobData.Format(v)));
        data["faceWidth"] = JobData.Format(box.Width / analysis.ImageWidth);
        data["yaw"] = JobData.Format(main.Landmarks.Yaw);
        data["roll"] = JobData.Format(main.Landmarks.RollDegrees);
        data["meshConfidence"] = JobData.Format(main.Landmarks.Confidence);
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
