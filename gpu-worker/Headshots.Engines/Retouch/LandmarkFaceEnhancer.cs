using System.Numerics;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Retouch;

/// <summary>
/// Retouches a headshot's face guided by its 468-point mesh (<see cref="FaceRetouch"/>). A headshot in which no
/// face is found is returned as it is, re-encoded: the retouch is a finish, never a reason to fail a headshot.
/// </summary>
public sealed class LandmarkFaceEnhancer : IFaceEnhancer
{
    /// <summary>Headshots rendered for delivery are up to the delivered size (4620 px on the long edge of 3:4); larger inputs are reduced to this.</summary>
    public const int MaxEdge = 4800;

    const uint Quality = 92;

    readonly FaceAnalyser analyser;

    public LandmarkFaceEnhancer(FaceAnalyser analyser)
    {
        ArgumentNullException.ThrowIfNull(analyser);
        this.analyser = analyser;
        MagickResourceGuard.EnsureApplied();
    }

    public Candidate Enhance(byte[] jpeg, RetouchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(settings);
        return Enhance(RgbImage.Decode(jpeg, MaxEdge), null, settings, cancellationToken);
    }

    public Candidate Enhance(RgbImage image, FaceLandmarks? face, RetouchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        if ((face ?? MainFace(image)) is { } landmarks)
        {
            FaceRetouch.ApplyInPlace(image, landmarks, settings, cancellationToken);
        }

        using var magick = image.ToMagick();
        // Measured from the pixels themselves: ImageMagick's copy and single-threaded reduction of a 7 MP render cost more
        // than the figures are worth here.
        return new Candidate(JpegEncoder.EncodeWorkFile(magick, Quality), image.Width, image.Height, MagickQualityMeter.Measure(image));
    }

    /// <summary>The retouch on decoded pixels; a copy of <paramref name="image"/> when it has no face.</summary>
    public RgbImage Retouch(RgbImage image, RetouchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        return Retouch(image, MainFace(image), settings, cancellationToken);
    }

    static RgbImage Retouch(RgbImage image, FaceLandmarks? landmarks, RetouchSettings settings, CancellationToken cancellationToken) =>
        landmarks is null
            ? new RgbImage(image.Width, image.Height, (byte[])image.Pixels.Clone())
            : FaceRetouch.Apply(image, landmarks, settings, cancellationToken);

    /// <summary>
    /// The main face's mesh in <paramref name="image"/>'s pixels. The analyser answers in the pixels of the image it
    /// is given, so a large image is analysed on a copy at the analysis edge (a fixed cost) and the mesh scaled up.
    /// </summary>
    FaceLandmarks? MainFace(RgbImage image)
    {
        var longEdge = Math.Max(image.Width, image.Height);
        if (longEdge <= FaceAnalyser.AnalysisEdge)
        {
            return analyser.Analyse(image).Main?.Landmarks;
        }

        var scale = (float)FaceAnalyser.AnalysisEdge / longEdge;
        var small = image.Resized(Math.Max(1, (int)MathF.Round(image.Width * scale)), Math.Max(1, (int)MathF.Round(image.Height * scale)));
        if (analyser.Analyse(small).Main?.Landmarks is not { } landmarks)
        {
            return null;
        }

        var up = new Vector3((float)image.Width / small.Width, (float)image.Height / small.Height, (float)image.Width / small.Width);
        return landmarks with { Points = landmarks.Points.Select(p => p * up).ToList() };
    }
}
