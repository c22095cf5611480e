using System.Numerics;
using Headshots.Engines.Imaging;
using Headshots.Engines.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Headshots.Engines.Faces;

/// <summary>
/// MediaPipe face mesh: 468 points from a 192 px crop around the face, levelled by the eye line. It runs twice,
/// the second time on a crop re-centred from the first pass's points, the way MediaPipe tracks a face, because
/// the detector's box is looser than the mesh wants.
/// </summary>
public sealed class FaceMeshLandmarker(OnnxModels models) : IFaceLandmarker
{
    private const int Resolution = 192;
    private const float RoiScale = 1.5f;

    public FaceLandmarks Locate(RgbImage image, DetectedFace face)
    {
        var centre = new Vector2(face.Box.X + (face.Box.Width / 2), face.Box.Y + (face.Box.Height / 2));
        var first = Run(image, FaceCrop.Around(centre, face.Box.Width, face.Box.Height, face.RightEye, face.LeftEye, RoiScale));
        var bounds = first.Bounds;
        var refined = FaceCrop.Around(
            new Vector2(bounds.X + (bounds.Width / 2), bounds.Y + (bounds.Height / 2)),
            bounds.Width,
            bounds.Height,
            first.RightEyeCentre,
            first.LeftEyeCentre,
            RoiScale);
        return Run(image, refined);
    }

    private FaceLandmarks Run(RgbImage image, FaceCrop crop)
    {
        var source = AffineSampler.Prescaled(image, crop.CropToImage(Resolution), out var toImage);
        var input = new DenseTensor<float>([1, Resolution, Resolution, 3]);
        AffineSampler.Sample(source, toImage, Resolution, Resolution, input.Buffer.Span, 1f / 255f, 0f);

        var session = models.Session(ModelIds.FaceMesh);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
        var mesh = results.Single(r => r.Name == "output_mesh").AsTensor<float>().ToArray();
        var flag = results.Single(r => r.Name == "output_faceflag").AsTensor<float>().ToArray()[0];

        // Map back to the original image: crop pixels → (prescaled) source → original.
        var backToImage = crop.CropToImage(Resolution);
        var zScale = crop.Size / Resolution;
        var points = new Vector3[FaceLandmarks.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var p = Vector2.Transform(new Vector2(mesh[3 * i], mesh[(3 * i) + 1]), backToImage);
            points[i] = new Vector3(p, mesh[(3 * i) + 2] * zScale);
        }

        // The model ends in a sigmoid: the flag is already a probability.
        return new FaceLandmarks(points, flag);
    }
}
