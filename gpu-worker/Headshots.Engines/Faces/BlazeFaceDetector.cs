using System.Drawing;
using System.Numerics;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Engines.Faces;

/// <summary>
/// MediaPipe BlazeFace, both models on every image: the 128 px "front" model for faces that fill a selfie and
/// the 256 px "back" model for smaller ones, merged by weighted NMS. Boxes are not clipped: a face cut by the frame shows as a box reaching past the edge. Together they cover faces from under a
/// tenth to nearly all of the image width.
/// </summary>
public sealed class BlazeFaceDetector(OnnxModels models, float minScore = 0.7f, float iouThreshold = 0.3f) : IFaceDetector
{
    private const int KeypointCount = 6;

    // The back (full-range) model is trained for faces a few metres away; on a face filling the frame that is the
    // front model's job, and there the back model also "finds" faces in cats and textures.
    private const float BackModelMaxFaceFraction = 0.5f;

    public IReadOnlyList<DetectedFace> Detect(RgbImage image)
    {
        var candidates = new List<DetectedFace>();
        candidates.AddRange(Run(image, ModelIds.BlazeFaceFront, 128));
        var side = Math.Max(image.Width, image.Height);
        candidates.AddRange(Run(image, ModelIds.BlazeFaceBack, 256).Where(f => f.Box.Width <= BackModelMaxFaceFraction * side));
        return WeightedNonMaximumSuppression.Apply(candidates, iouThreshold)
            .OrderByDescending(f => f.Area)
            .ToList();
    }

    private List<DetectedFace> Run(RgbImage image, string modelId, int size)
    {
        // Letterbox: scale the whole image into the square with an area filter (bilinear sampling alone would
        // alias a 12 MP photo down to 128 px), centred, black around it.
        var scale = (float)size / Math.Max(image.Width, image.Height);
        var scaledWidth = Math.Max(1, (int)MathF.Round(image.Width * scale));
        var scaledHeight = Math.Max(1, (int)MathF.Round(image.Height * scale));
        var small = image.Resized(scaledWidth, scaledHeight);
        var padX = (size - scaledWidth) / 2f;
        var padY = (size - scaledHeight) / 2f;

        var input = new DenseTensor<float>([1, size, size, 3]);
        AffineSampler.Sample(small, Matrix3x2.CreateTranslation(-padX, -padY), size, size, input.Buffer.Span, 2f / 255f, -1f);

        var session = models.Session(modelId);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
        var (scores, boxes) = Outputs(results);

        var found = new List<DetectedFace>();
        for (var i = 0; i < scores.Length; i++)
        {
            var score = Sigmoid(Math.Clamp(scores[i], -100f, 100f));
            if (score < minScore)
            {
                continue;
            }

            var anchor = BlazeFaceAnchors.Centres[i];
            var raw = boxes.AsSpan(i * 16, 16);
            var cx = (raw[0] / size) + anchor.X;
            var cy = (raw[1] / size) + anchor.Y;
            var w = raw[2] / size;
            var h = raw[3] / size;
            var keypoints = new Vector2[KeypointCount];
            for (var k = 0; k < KeypointCount; k++)
            {
                keypoints[k] = ToSource(new Vector2((raw[4 + (2 * k)] / size) + anchor.X, (raw[5 + (2 * k)] / size) + anchor.Y));
            }

            var topLeft = ToSource(new Vector2(cx - (w / 2), cy - (h / 2)));
            var bottomRight = ToSource(new Vector2(cx + (w / 2), cy + (h / 2)));
            found.Add(new DetectedFace(RectangleF.FromLTRB(topLeft.X, topLeft.Y, bottomRight.X, bottomRight.Y), score, keypoints));
        }

        return found;

        Vector2 ToSource(Vector2 normalised) => new(((normalised.X * size) - padX) / scale, ((normalised.Y * size) - padY) / scale);
    }

    /// <summary>The model splits scores and boxes over the two anchor grids; pair them by shape, fine grid first.</summary>
    private static (float[] Scores, float[] Boxes) Outputs(IReadOnlyCollection<DisposableNamedOnnxValue> results)
    {
        var tensors = results.Select(r => r.AsTensor<float>()).ToList();
        Tensor<float> Find(int anchors, int width) =>
            tensors.Single(t => t.Dimensions[1] == anchors && t.Dimensions[2] == width);

        var scores = Find(BlazeFaceAnchors.FineCount, 1).Concat(Find(BlazeFaceAnchors.CoarseCount, 1)).ToArray();
        var boxes = Find(BlazeFaceAnchors.FineCount, 16).Concat(Find(BlazeFaceAnchors.CoarseCount, 16)).ToArray();
        return (scores, boxes);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
