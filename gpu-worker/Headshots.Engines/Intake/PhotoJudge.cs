using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Intake;

/// <summary>
/// The verdict on one photo alone: one face, large enough, inside the frame, roughly frontal, sharp and well
/// exposed. Comparisons between photos (duplicates, someone else) are <see cref="ShootJudge"/>'s.
/// </summary>
public sealed class PhotoJudge(IntakeThresholds thresholds)
{
    public PhotoAssessment Assess(string name, RgbImage image, FaceAnalysis analysis)
    {
        var reasons = new List<string>();
        var boxes = analysis.Faces.Select(f => FaceSummary.Of(f.Detection.Box, f.Detection.Score, analysis.ImageWidth, analysis.ImageHeight)).ToList();
        var hash = PerceptualHash.Of(image);
        if (analysis.Main is not { } main)
        {
            return new PhotoAssessment(name, 0, boxes, 0, 0, 0, null, hash, null, [IntakeReasons.NoFace]);
        }

        var box = main.Detection.Box;
        var faceWidth = box.Width / analysis.ImageWidth;
        var scale = (float)image.Width / analysis.ImageWidth;
        var exposure = FaceExposure.Measure(image, new System.Drawing.RectangleF(box.X * scale, box.Y * scale, box.Width * scale, box.Height * scale));

        // Width, not area: it is what a person sees as "half as big", and it scales linearly with distance.
        if (analysis.Faces.Skip(1).Any(f => f.Detection.Box.Width >= thresholds.OtherFaceRelativeWidth * box.Width))
        {
            reasons.Add(IntakeReasons.MultipleFaces);
        }

        if (OutsideFrame(box, analysis) > thresholds.MaxFaceOutsideFrame)
        {
            reasons.Add(IntakeReasons.FaceCutOff);
        }

        if (faceWidth < thresholds.MinFaceWidth)
        {
            reasons.Add(IntakeReasons.FaceTooSmall);
        }

        if (Math.Abs(main.Landmarks.Yaw) > thresholds.MaxYaw || Math.Abs(main.Landmarks.RollDegrees) > thresholds.MaxRollDegrees)
        {
            reasons.Add(IntakeReasons.NotFrontal);
        }

        if (exposure.MeanLuma < thresholds.MinFaceLuma || exposure.Crushed > thresholds.MaxFaceCrushed)
        {
            reasons.Add(IntakeReasons.Underexposed);
        }
        else if (exposure.MeanLuma > thresholds.MaxFaceLuma || exposure.Clipped > thresholds.MaxFaceClipped)
        {
            reasons.Add(IntakeReasons.Overexposed);
        }

        // Too dark or too bright a face also measures as flat; only call it blurry when exposure is not the cause.
        if (exposure.Sharpness < thresholds.MinFaceSharpness && !reasons.Contains(IntakeReasons.Underexposed) && !reasons.Contains(IntakeReasons.Overexposed))
        {
            reasons.Add(IntakeReasons.Blurry);
        }

        return new PhotoAssessment(name, analysis.Faces.Count, boxes, faceWidth, main.Landmarks.Yaw, main.Landmarks.RollDegrees,
            exposure, hash, main.Embedding, reasons);
    }

    /// <summary>How far the face box reaches past the frame, as a fraction of the box's own size (worst side).</summary>
    private static double OutsideFrame(System.Drawing.RectangleF box, FaceAnalysis analysis)
    {
        var outside = new[]
        {
            -box.Left / box.Width,
            -box.Top / box.Height,
            (box.Right - analysis.ImageWidth) / box.Width,
            (box.Bottom - analysis.ImageHeight) / box.Height,
        };
        return Math.Max(0, outside.Max());
    }
}
