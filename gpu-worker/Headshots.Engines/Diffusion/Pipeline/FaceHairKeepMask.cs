using System.Numerics;
using Headshots.Engines.Edits;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// Keeps the person's face and hair: the face oval from the mesh, grown a little so the hairline and jaw edge stay
/// the person's own, and the person segmentation's head (the silhouette inside an ellipse around the face, down to
/// the chin). Everything else (shoulders, clothes, background) is the model's to paint. The edge fades out over a
/// feather proportional to the frame, outside the kept region, so the kept pixels themselves are never blended.
/// </summary>
public sealed class FaceHairKeepMask(FaceAnalyser faces, IPersonSegmenter segmenter) : IKeepMaskSource
{
    public KeepMask For(RgbImage image, CancellationToken cancellationToken)
    {
        var face = faces.Analyse(image).Main ?? throw new NoFaceToKeepException("No face was found in the reference to keep.");
        cancellationToken.ThrowIfCancellationRequested();
        var kept = Build(face.Landmarks, segmenter.Segment(image));
        return KeepMask.Feathered(kept, image.Width, image.Height, KeepMask.FeatherFor(image.Width, image.Height));
    }

    /// <summary>The hard kept region (255) from a mesh and a person mask of the same image.</summary>
    public static byte[] Build(FaceLandmarks landmarks, PersonMask person)
    {
        var (w, h) = (person.Width, person.Height);
        var oval = landmarks.Contour(FaceRegions.FaceOval);
        var (left, right) = (oval.Min(p => p.X), oval.Max(p => p.X));
        var (top, bottom) = (oval.Min(p => p.Y), oval.Max(p => p.Y));
        var (faceWidth, faceHeight) = (right - left, bottom - top);
        var face = new byte[w * h];
        PolygonRaster.Fill(face, w, h, oval, 255);
        face = EditMaskMorphology.Dilate(face, w, h, Math.Max(1, (int)(faceWidth * 0.04f)));

        // The head zone, as for hair edits: an ellipse shifted up to take the crown, nothing below the chin.
        var centre = new Vector2((left + right) / 2, ((top + bottom) / 2) - (faceHeight * 0.2f));
        var (ax, ay) = (faceWidth * 1.05f, faceHeight * 1.05f);
        var chin = landmarks[FaceRegions.Chin];
        var kept = face;
        for (var y = 0; y < Math.Min(h, (int)chin.Y); y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                if (person.Alpha[i] < 128) continue;
                var dx = (x + 0.5f - centre.X) / ax;
                var dy = (y + 0.5f - centre.Y) / ay;
                if ((dx * dx) + (dy * dy) <= 1) kept[i] = 255;
            }
        }

        return kept;
    }
}
