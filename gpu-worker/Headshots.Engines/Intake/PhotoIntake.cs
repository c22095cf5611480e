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
    /// <param name="parallelism">Photos judged at once (as the worker runs several inspect jobs); 0 = one per core.</param>
    public ShootJudgement Inspect(IReadOnlyList<(string Name, byte[] Bytes)> files, int minAccepted, CancellationToken cancellationToken, int parallelism = 0)
    {
        var assessed = new PhotoAssessment[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        }, i => assessed[i] = AssessOne(files[i].Name, files[i].Bytes, cancellationToken).Assessment);
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

        var image = photo.Preview ?? RgbImage.Decode(photo.Jpeg, FaceAnalyser.AnalysisEdge);
        var analysis = analyser.Analyse(image);
        return (photo, new PhotoJudge(thresholds).Assess(name, image, analysis), analysis);
    }
}
