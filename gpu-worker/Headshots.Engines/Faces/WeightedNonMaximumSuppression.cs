using System.Drawing;
using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>
/// MediaPipe's weighted NMS: overlapping detections of one face are averaged, weighted by score, rather than
/// all but one thrown away, which steadies the box and keypoints.
/// </summary>
public static class WeightedNonMaximumSuppression
{
    public static List<DetectedFace> Apply(IEnumerable<DetectedFace> candidates, float iouThreshold)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<DetectedFace>();
        while (remaining.Count > 0)
        {
            var top = remaining[0];
            var cluster = remaining.Where(c => IntersectionOverUnion(top.Box, c.Box) > iouThreshold).ToList();
            remaining.RemoveAll(cluster.Contains);

            var total = cluster.Sum(c => c.Score);
            float x = 0, y = 0, w = 0, h = 0;
            var keypoints = new Vector2[top.Keypoints.Count];
            foreach (var c in cluster)
            {
                var weight = c.Score / total;
                x += c.Box.X * weight;
                y += c.Box.Y * weight;
                w += c.Box.Width * weight;
                h += c.Box.Height * weight;
                for (var k = 0; k < keypoints.Length; k++)
                {
                    keypoints[k] += c.Keypoints[k] * weight;
                }
            }

            kept.Add(new DetectedFace(new RectangleF(x, y, w, h), top.Score, keypoints));
        }

        return kept;
    }

    public static float IntersectionOverUnion(RectangleF a, RectangleF b)
    {
        var intersection = RectangleF.Intersect(a, b);
        if (intersection.IsEmpty)
        {
            return 0;
        }

        var overlap = intersection.Width * intersection.Height;
        return overlap / ((a.Width * a.Height) + (b.Width * b.Height) - overlap);
    }
}
