using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Intake;

/// <summary>
/// The whole intake of a set of uploads, in one process: decode safely and normalise, find the face, judge each
/// photo, then compare them. <c>./headshots inspect</c> runs this; the pipeline runs the same pieces as GPU jobs
/// (inspect per photo, then the comparison in the identity stage).
/// </summary>
public sealed class PhotoIntake(IPhotoNormaliser normaliser, FaceAnalyser analyser, IntakeThresholds thresholds, PhotoLimits limits)
{
    public ShootJudgement Inspect(IReadOnlyList<(string Name, byte[] Bytes)> files, int minAccepted, CancellationToken cancellationToken)
    {
        var judge = new PhotoJudge(thresholds);
        var assessed = new List<PhotoAssessment>(files.Count);
        foreach (var (name, bytes) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            assessed.Add(Assess(judge, name, bytes, cancellationToken));
        }

        return new ShootJudge(thresholds).Judge(assessed, minAccepted);
    }

    /// <summary>One photo: the normalised copy (null when the file was refused) and its assessment.</summary>
    public (NormalisedPhoto? Photo, PhotoAssessment Assessment, FaceAnalysis? Analysis) AssessOne(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        NormalisedPhoto photo;
        try
        {
            photo = normaliser.Normalise(bytes, limits, cancellationToken);
        }
        catch (PhotoRejectedException e)
        {
            return (null, PhotoAssessment.Unreadable(name, e), null);
        }

        var image = RgbImage.Decode(photo.Jpeg, FaceAnalyser.AnalysisEdge);
        var analysis = analyser.Analyse(image);
        return (photo, new PhotoJudge(thresholds).Assess(name, image, analysis), analysis);
    }

    private PhotoAssessment Assess(PhotoJudge judge, string name, byte[] bytes, CancellationToken cancellationToken) =>
        AssessOne(name, bytes, cancellationToken).Assessment;
}
